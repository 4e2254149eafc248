/**
 * Recurrent-network SOC estimation: a plain-Java GRU trained by backpropagation through time with
 * Adam, deterministic under a seed. Written here because no Maven Central library trains an
 * LSTM/GRU fully offline inside OSGi (DJL fetches its native engine at run time unless a per-platform
 * native jar is added; Deeplearning4j/ND4J ship hundreds of MB of JavaCPP natives and are not OSGi
 * bundles).
 */
package org.nernst.estimation.rnn;
