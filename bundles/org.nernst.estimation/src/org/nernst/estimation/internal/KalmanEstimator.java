package org.nernst.estimation.internal;

import java.util.Map;

import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.estimation.kalman.Noise;
import org.nernst.estimation.kalman.SocTrace;
import org.nernst.twin.ecm.EcmParameters;

/** EKF and UKF contributions: SOC with its standard deviation, predicted voltage and innovation. */
abstract class KalmanEstimator extends SocEstimatorSupport {

    abstract SocTrace filter(EcmParameters model, double temperature, Noise noise, double[] t, double[] i,
            double[] v, double soc0);

    abstract String label();

    @Override
    public Table estimate(Table m, Map<String, Object> inputs, Parameters p, ProgressMonitor monitor) throws Exception {
        double[] t = column(m, p, "time");
        double[] i = column(m, p, "current");
        double[] v = column(m, p, "voltage");
        double temperature = temperature(m, p);
        EcmParameters model = model(inputs, p, temperature);
        monitor.checkCanceled();
        SocTrace s = filter(model, temperature, noise(p), t, i, v, p.number("initialSoc"));
        return output(m, p, "SOC (" + label() + ")", t, col("soc", "", Role.PREDICTION, s.soc()),
                col("soc_std", "", Role.UNCERTAINTY, s.socStd()),
                col("voltage_predicted", "V", Role.NONE, s.voltage()),
                col("innovation", "V", Role.NONE, s.innovation()));
    }
}
