/**
 * The contract checks of Nernst's extension points as reusable JUnit 5 dynamic tests, in the spirit
 * of scikit-learn's {@code check_estimator}. A plugin's test bundle returns them from a
 * {@code @TestFactory}:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; myEstimatorKeepsTheContract() {
 *     return EstimatorConformance.checks("com.example.myEstimator");
 * }
 * </pre>
 *
 * Nernst's own test bundles run the same checks on every installed contribution.
 *
 * @since 0.1
 */
package org.nernst.conformance;
