/** Application wiring: the clock, Axon (Jackson serializers, event processors) and persistence. */
package io.quire.api.config;
