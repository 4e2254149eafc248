package org.nernst.twin.spm;

/**
 * One TR-BDF2 step of a linear finite-volume diffusion system {@code C du/dt = K u + s}: C a
 * diagonal of capacities (cell volumes), K the symmetric tridiagonal coupling (face conductances
 * g between neighbours, rows summing to zero, so no flux leaves at the ends), s a constant source.
 * <p>
 * TR-BDF2 (Bank et al. 1985; Hosea &amp; Shampine 1996) is a trapezoidal stage to t + γh followed by
 * a BDF2 stage to t + h, γ = 2 − √2: second order, L-stable (stiff modes with h ≫ Δx²/D are damped,
 * not made to ring as plain Crank–Nicolson does), one tridiagonal (Thomas) solve per stage. Both
 * stages conserve Σ C u exactly up to the source (the rows of K sum to zero and the stage weights
 * sum to one), which is what makes the lithium balance exact. No allocation: the caller lends
 * {@code work}.
 */
final class DiffusionStep {
    static final double GAMMA = 2 - Math.sqrt(2);
    private static final double D = (1 - GAMMA) / (2 - GAMMA);
    private static final double A = 1 / (GAMMA * (2 - GAMMA));
    private static final double B = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));

    private DiffusionStep() {
    }

    /**
     * Advances {@code u[off..off+n)} by {@code h}. {@code work} layout from {@code w}: g (n − 1 face
     * conductances, filled by the caller), then s (n sources, filled by the caller), then 2n scratch.
     */
    static void step(double[] u, int off, int n, double[] cap, double h, double[] work, int w) {
        int g = w;
        int s = w + n - 1;
        int old = s + n;
        int sup = old + n;
        System.arraycopy(u, off, work, old, n);
        // Stage 1, trapezoidal to γh: (C/(γh) − K/2) u* = (C/(γh) + K/2) u_n + s
        double c1 = 1 / (GAMMA * h);
        for (int k = 0; k < n; k++) {
            double gl = k > 0 ? work[g + k - 1] : 0;
            double gr = k < n - 1 ? work[g + k] : 0;
            double ku = -(gl + gr) * work[old + k];
            if (k > 0) {
                ku += gl * work[old + k - 1];
            }
            if (k < n - 1) {
                ku += gr * work[old + k + 1];
            }
            u[off + k] = cap[k] * c1 * work[old + k] + 0.5 * ku + work[s + k];
        }
        solve(u, off, n, cap, c1, 0.5, work, g, sup);
        // Stage 2, BDF2 to h: (C/(d h) − K) u_{n+1} = C/(d h) (a u* − b u_n) + s
        double c2 = 1 / (D * h);
        for (int k = 0; k < n; k++) {
            u[off + k] = cap[k] * c2 * (A * u[off + k] - B * work[old + k]) + work[s + k];
        }
        solve(u, off, n, cap, c2, 1.0, work, g, sup);
    }

    /** Solves (c C − f K) x = rhs in place by the Thomas algorithm; rhs in u on entry. */
    private static void solve(double[] u, int off, int n, double[] cap, double c, double f, double[] work, int g,
            int sup) {
        double prevSup = 0;
        double prevX = 0;
        for (int k = 0; k < n; k++) {
            double gl = k > 0 ? f * work[g + k - 1] : 0;
            double gr = k < n - 1 ? f * work[g + k] : 0;
            double inverse = 1 / (cap[k] * c + gl + gr + gl * prevSup);
            double sp = -gr * inverse;
            double x = (u[off + k] + gl * prevX) * inverse;
            work[sup + k] = sp;
            u[off + k] = x;
            prevSup = sp;
            prevX = x;
        }
        for (int k = n - 2; k >= 0; k--) {
            u[off + k] -= work[sup + k] * u[off + k + 1];
        }
    }
}
