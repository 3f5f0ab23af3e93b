/**
 * Training from the app: the wizard that builds a {@link org.timbrelab.app.training.TrainingPlan},
 * its validation, and the dashboard that runs and watches a training job.
 */
package org.timbrelab.app.training;
