package org.nernst.twin.spm;

/**
 * Finite-volume discretisation of Fickian diffusion in one sphere: {@code n} shells of equal
 * thickness, lithium concentration (mol/m³) averaged over each shell, stored in a slice of the
 * state vector. Volumes and face areas are per unit solid angle (the 4π cancels). Immutable; the
 * arrays a step needs come from the caller, so one instance serves many cells at once.
 */
final class Particle {
    private final int n;
    private final double radius;
    private final double dr;
    /** Shell volumes (r_out³ − r_in³) / 3. */
    private final double[] volume;
    /** Face area over distance between shell centres, r_{k+1}² / Δr, for the face between k and k+1. */
    private final double[] conductance;
    private final double maxConcentration;
    private final Property diffusivity;
    private final boolean constantDiffusivity;
    private final double totalVolume;

    Particle(int shells, ParameterSet.Electrode electrode) {
        this.n = shells;
        this.radius = electrode.particleRadius();
        this.dr = radius / shells;
        this.volume = new double[shells];
        this.conductance = new double[Math.max(shells - 1, 0)];
        for (int k = 0; k < shells; k++) {
            double rIn = k * dr;
            double rOut = (k + 1) * dr;
            volume[k] = (rOut * rOut * rOut - rIn * rIn * rIn) / 3.0;
            if (k < shells - 1) {
                conductance[k] = rOut * rOut / dr;
            }
        }
        this.totalVolume = radius * radius * radius / 3.0;
        this.maxConcentration = electrode.maximumConcentration();
        this.diffusivity = electrode.diffusivity();
        this.constantDiffusivity = diffusivity instanceof Property.Constant;
    }

    int shells() {
        return n;
    }

    /** Volume-averaged concentration of the particle (mol/m³). */
    double average(double[] state, int offset) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += volume[k] * state[offset + k];
        }
        return sum / totalVolume;
    }

    /** Diffusivity (m²/s) at concentration {@code c}, times the Arrhenius factor. */
    private double diffusivityAt(double c, double temperatureK, double arrhenius) {
        return diffusivity.at(c / maxConcentration, temperatureK) * arrhenius;
    }

    /**
     * Surface concentration from the outer shell and the known surface flux {@code j} (mol/m²/s,
     * positive out of the particle): the half-shell gradient is fixed by the boundary condition,
     * {@code c_s = c_{n-1} − j (Δr/2) / D}.
     */
    double surface(double[] state, int offset, double j, double temperatureK, double arrhenius) {
        double cOuter = state[offset + n - 1];
        return cOuter - j * 0.5 * dr / diffusivityAt(cOuter, temperatureK, arrhenius);
    }

    /** Writes dc/dt of every shell for surface flux {@code j} (the semi-discrete equations). */
    void derivatives(double[] state, int offset, double j, double temperatureK, double arrhenius, double[] out) {
        for (int k = 0; k < n; k++) {
            out[offset + k] = 0;
        }
        for (int k = 0; k < n - 1; k++) {
            double cL = state[offset + k];
            double cR = state[offset + k + 1];
            double flux = faceDiffusivity(cL, cR, temperatureK, arrhenius) * conductance[k] * (cR - cL);
            out[offset + k] += flux;
            out[offset + k + 1] -= flux;
        }
        out[offset + n - 1] -= j * radius * radius;
        for (int k = 0; k < n; k++) {
            out[offset + k] /= volume[k];
        }
    }

    private double faceDiffusivity(double cL, double cR, double temperatureK, double arrhenius) {
        return constantDiffusivity ? ((Property.Constant) diffusivity).value() * arrhenius
                : diffusivityAt(0.5 * (cL + cR), temperatureK, arrhenius);
    }

    /**
     * One implicit step ({@link DiffusionStep}, TR-BDF2) of length {@code dt} in place, surface flux
     * {@code j} held over the step, diffusivities evaluated at the start of the step (exact for a
     * constant diffusivity). {@code work} holds {@link DiffusionStep#workSize} + n − 1 doubles from 0
     * and this particle's factorisation cache from {@code cache}.
     */
    void implicitStep(double[] state, int offset, double j, double temperatureK, double arrhenius, double dt,
            double[] work, int cache) {
        for (int k = 0; k < n - 1; k++) {
            work[k] = faceDiffusivity(state[offset + k], state[offset + k + 1], temperatureK, arrhenius)
                    * conductance[k];
        }
        int s = n - 1;
        for (int k = 0; k < n - 1; k++) {
            work[s + k] = 0;
        }
        work[s + n - 1] = -j * radius * radius;
        double key = constantDiffusivity ? ((Property.Constant) diffusivity).value() * arrhenius : Double.NaN;
        DiffusionStep.step(state, offset, n, volume, dt, work, 0, key, cache);
    }
}
