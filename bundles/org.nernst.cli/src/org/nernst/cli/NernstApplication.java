package org.nernst.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The Equinox application {@code org.nernst.cli.nernst}: hands the command line to
 * {@link NernstCommand} and returns its exit code to the launcher.
 */
public final class NernstApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        return new NernstCommand(System.out, System.err).run(args == null ? new String[0] : args);
    }

    @Override
    public void stop() {
        // a running workflow is cancelled by the shutdown hook NernstCommand installs
    }
}
