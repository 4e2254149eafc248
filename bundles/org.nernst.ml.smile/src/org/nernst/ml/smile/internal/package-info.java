/**
 * Estimators backed by Smile 6 (GPL-3.0), contributed to {@code org.nernst.core.estimators}; no other
 * Nernst bundle may import Smile.
 * <p>
 * Bundle notes: Smile 6 is compiled for Java 25, hence {@code JavaSE-25}. Its generated OSGi
 * manifests import {@code org.slf4j} only optionally, yet Smile's classes log from static
 * initializers, so this bundle imports {@code org.slf4j} to make every runtime that holds it also
 * hold SLF4J. Matrix factorizations run in native OpenBLAS/LAPACK through the FFM API
 * ({@code --enable-native-access}; library {@code libopenblas.so} unless system properties
 * {@code smile.lib.blas} / {@code smile.lib.lapack} name another).
 */
package org.nernst.ml.smile.internal;
