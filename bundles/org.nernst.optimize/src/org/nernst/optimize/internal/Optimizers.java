package org.nernst.optimize.internal;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.nernst.core.optimize.Optimizer;
import org.nernst.optimize.BayesianOptimizer;
import org.nernst.optimize.GridSearch;
import org.nernst.optimize.RandomSearch;

/**
 * Creates an optimizer contribution by id. The node registry lists optimizers but does not run
 * them as nodes, so the optimization nodes look them up in the extension registry themselves; this
 * bundle's own three are created directly when no registry is running (plain-Java use).
 */
public final class Optimizers {
    public static final String BAYESIAN = "org.nernst.optimize.bayesian";
    public static final String RANDOM = "org.nernst.optimize.random";
    public static final String GRID = "org.nernst.optimize.grid";

    private Optimizers() {
    }

    public static Optimizer create(String id) {
        switch (id) {
            case BAYESIAN:
                return new BayesianOptimizer();
            case RANDOM:
                return new RandomSearch();
            case GRID:
                return new GridSearch();
            default:
                break;
        }
        IExtensionRegistry r = RegistryFactory.getRegistry();
        if (r != null) {
            for (IConfigurationElement e : r.getConfigurationElementsFor("org.nernst.core", "optimizers")) {
                if (id.equals(e.getAttribute("id"))) {
                    try {
                        if (e.createExecutableExtension("class") instanceof Optimizer o) {
                            return o;
                        }
                        throw new IllegalArgumentException("optimizer '" + id + "' does not implement "
                                + Optimizer.class.getName());
                    } catch (CoreException ex) {
                        throw new IllegalArgumentException("optimizer '" + id + "' cannot be created: " + ex.getMessage(), ex);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no installed bundle contributes an optimizer '" + id + "'");
    }
}
