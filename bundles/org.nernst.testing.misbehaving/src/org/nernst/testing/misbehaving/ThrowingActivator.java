package org.nernst.testing.misbehaving;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A plugin broken at start-up: every activation fails. */
public final class ThrowingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("misbehaving plugin: activation fails on purpose");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
