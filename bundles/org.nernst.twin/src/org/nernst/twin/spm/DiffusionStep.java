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
 * {@code work}. When the conductances are fixed by one number (a constant diffusivity at a given
 * temperature), the two factorisations are kept in {@code work} too and reused while the step
 * length and that number stay the same, which saves the divisions of the forward sweeps.
 */
final class DiffusionStep {
    static final double GAMMA = 2 - Math.sqrt(2);
    private static final double D = (1 - GAMMA) / (2 - GAMMA);
    private static final double A = 1 / (GAMMA * (2 - GAMMA));
    private static final double B = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));

    private DiffusionStep() {
    }

    /** Doubles of {@code work} a step of n unknowns uses from {@code w}. */
    static int workSize(int n) {
        return 3 * n;
    }

    /** Doubles of a factorisation cache for n unknowns. */
    static int cacheSize(int n) {
        return 4 * n + 2;
    }

    /**
     * Advances {@code u[off..off+n)} by {@code h}. {@code work} layout from {@code w}: g (n − 1 face
     * conductances, filled by the caller), then s (n sources, filled by the caller), then n scratch.
     * {@code key} determines g completely (NaN if it does not: no reuse); the factorisations for
     * (h, key) live in {@code work} from {@code cache}.
     */
    static void step(double[] u, int off, int n, double[] cap, double h, double[] work, int w, double key,
            int cache) {
        int g = w;
        int s = w + n - 1;
        int old = s + n;
        int inv1 = cache + 2;
        int sup1 = inv1 + n;
        int inv2 = sup1 + n;
        int sup2 = inv2 + n;
        double c1 = 1 / (GAMMA * h);
        double c2 = 1 / (D * h);
        if (!(work[cache] == h && work[cache + 1] == key)) {
            factor(n, cap, c1, 0.5, work, g, inv1, sup1);
            factor(n, cap, c2, 1.0, work, g, inv2, sup2);
            work[cache] = h;
            work[cache + 1] = key;
        }
        System.arraycopy(u, off, work, old, n);
        // Stage 1, trapezoidal to γh: (C/(γh) − K/2) u* = (C/(γh) + K/2) u_n + s
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
        solve(u, off, n, 0.5, work, g, inv1, sup1);
        // Stage 2, BDF2 to h: (C/(d h) − K) u_{n+1} = C/(d h) (a u* − b u_n) + s
        for (int k = 0; k < n; k++) {
            u[off + k] = cap[k] * c2 * (A * u[off + k] - B * work[old + k]) + work[s + k];
        }
        solve(u, off, n, 1.0, work, g, inv2, sup2);
    }

    /** Thomas forward-sweep factors of (c C − f K): inverse pivots and modified super-diagonal. */
    private static void factor(int n, double[] cap, double c, double f, double[] work, int g, int inv, int sup) {
        double prevSup = 0;
        for (int k = 0; k < n; k++) {
            double gl = k > 0 ? f * work[g + k - 1] : 0;
            double gr = k < n - 1 ? f * work[g + k] : 0;
            double inverse = 1 / (cap[k] * c + gl + gr + gl * prevSup);
            work[inv + k] = inverse;
            work[sup + k] = -gr * inverse;
            prevSup = work[sup + k];
        }
    }

    /** Solves (c C − f K) x = rhs in place with the factors; rhs in u on entry. */
    private static void solve(double[] u, int off, int n, double f, double[] work, int g, int inv, int sup) {
        double prevX = 0;
        for (int k = 0; k < n; k++) {
            double gl = k > 0 ? f * work[g + k - 1] : 0;
            double x = (u[off + k] + gl * prevX) * work[inv + k];
            u[off + k] = x;
            prevX = x;
        }
        for (int k = n - 2; k >= 0; k--) {
            u[off + k] -= work[sup + k] * u[off + k + 1];
        }
    }
}
