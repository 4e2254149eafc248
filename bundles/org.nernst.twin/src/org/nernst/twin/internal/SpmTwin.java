package org.nernst.twin.internal;

import java.util.List;
import java.util.Map;

import org.nernst.core.node.Parameters;
import org.nernst.twin.model.CellModel;
import org.nernst.twin.sim.CellModelTwin;
import org.nernst.twin.spm.ParameterSets;
import org.nernst.twin.spm.SingleParticleModel;
import org.nernst.twin.spm.SpmeModel;

/** The single particle twins (SPM, and SPMe with electrolyte): Chen 2020 or a BPX file, run by the simulator. */
public class SpmTwin extends CellModelTwin {
    private final boolean electrolyte;

    public SpmTwin() {
        this(false);
    }

    SpmTwin(boolean electrolyte) {
        this.electrolyte = electrolyte;
    }

    /** The states with the default 20 shells per particle (the names follow the shells parameter). */
    @Override
    public List<String> stateNames() {
        return electrolyte ? new SpmeModel(ParameterSets.chen2020(), 20).stateNames()
                : new SingleParticleModel(ParameterSets.chen2020(), 20).stateNames();
    }

    @Override
    protected CellModel model(Parameters p, Map<String, Object> inputs) throws Exception {
        return electrolyte ? SpmeModel.fromParameters(p) : SingleParticleModel.fromParameters(p);
    }

    /** SPMe: the same twin with electrolyte dynamics. */
    public static final class WithElectrolyte extends SpmTwin {
        public WithElectrolyte() {
            super(true);
        }
    }
}
