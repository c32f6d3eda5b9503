/** AAC: the AudioSpecificConfig. */
package io.sluice.media.codec.aac;
