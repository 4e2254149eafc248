package org.nernst.testing.misbehaving;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A plugin broken at start-up: every activation fails. The hanging node's package is excluded from
 * lazy activation (see MANIFEST.MF), so it still loads.
 */
public final class ThrowingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("misbehaving plugin: activation fails on purpose");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
