/** Implementation details of the single particle models: the safe expression evaluator of BPX files. */
package org.nernst.twin.spm.internal;
