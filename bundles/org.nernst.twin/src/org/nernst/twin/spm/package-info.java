/**
 * Single particle models of lithium-ion cells ({@link org.nernst.twin.spm.SingleParticleModel},
 * {@link org.nernst.twin.spm.SpmeModel}), their parameter sets ({@link org.nernst.twin.spm.ParameterSet},
 * built-in {@link org.nernst.twin.spm.ParameterSets#chen2020()}) and the BPX file reader
 * ({@link org.nernst.twin.spm.BpxReader}).
 */
package org.nernst.twin.spm;
