package org.nernst.ui.internal.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * The user guide pages: the repository's {@code docs/*.md}, shipped in the bundle
 * {@code org.nernst.examples} under {@code guide/}. The title of a page is its first heading.
 */
public final class UserGuide {
    /** One page: file name, title and Markdown text. */
    public record Page(String fileName, String title, String markdown) {
    }

    private UserGuide() {
    }

    /** Every page, the workbench guide first, then by title. */
    public static List<Page> pages() {
        List<Page> out = new ArrayList<>();
        Bundle b = Platform.getBundle("org.nernst.examples");
        Enumeration<URL> urls = b == null ? null : b.findEntries("guide", "*.md", false);
        if (urls == null) {
            return out;
        }
        for (URL u : Collections.list(urls)) {
            String fileName = u.getPath().substring(u.getPath().lastIndexOf('/') + 1);
            try (InputStream in = u.openStream()) {
                String md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.add(new Page(fileName, title(md, fileName), md));
            } catch (IOException e) {
                org.eclipse.core.runtime.ILog.of(UserGuide.class).warn("Guide page " + u + " skipped", e);
            }
        }
        out.sort((a, c) -> a.fileName().equals("workbench.md") ? -1
                : c.fileName().equals("workbench.md") ? 1 : a.title().compareToIgnoreCase(c.title()));
        return out;
    }

    static String title(String md, String fallback) {
        for (String line : md.split("\n")) {
            if (line.startsWith("# ")) {
                return line.substring(2).strip();
            }
        }
        return fallback;
    }
}
