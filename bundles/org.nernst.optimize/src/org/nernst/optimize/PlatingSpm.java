package org.nernst.optimize;

import org.nernst.twin.spm.ParameterSet;
import org.nernst.twin.spm.SingleParticleModel;

/**
 * The single particle model with one more output: the potential of the negative particle's surface
 * against a lithium reference, {@code φ = U_n(x_s) + η_n}. Lithium plating becomes
 * thermodynamically possible when it falls below 0 V (the usual plating criterion, e.g. Arora et
 * al. 1999; Yang et al. 2017). The SPM has no electrolyte potential drop, so this is the potential
 * the whole electrode sees; a P2D model would put the separator side lower.
 *
 * @since 0.1
 */
public final class PlatingSpm extends SingleParticleModel {

    public PlatingSpm(ParameterSet set, int shells) {
        super(set, shells);
    }

    /** φ_s − φ_e − 0 at the negative surface (V vs Li/Li⁺) while {@code current} (A, + = discharge) flows. */
    public double platingPotential(double[] state, double current) {
        double tK = state[temperatureIndex()] + KELVIN;
        ParameterSet.Electrode n = set.negative();
        double xs = Math.min(1 - 1e-9, Math.max(1e-9, negativeSurfaceStoichiometry(state, current)));
        double j0 = F * n.reactionRateConstant() * arrhenius(n.reactionRateActivationEnergy(), tK)
                * Math.sqrt(xs * (1 - xs));
        double scale = negativeFlux(1.0) * F; // the cell current → interfacial current density factor
        double v = current * scale / (2 * j0);
        double eta = 2 * R * tK / F * Math.log(v + Math.sqrt(v * v + 1)); // asinh, symmetric Butler–Volmer
        return n.ocp().at(xs, tK) + eta;
    }
}
