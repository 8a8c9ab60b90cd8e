package io.huduma.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code huduma.web.*}: limits every service applies to its HTTP requests.
 *
 * @param maxBodySize the largest request body accepted, counted as it is read (so chunked bodies
 *        cannot slip past); multipart uploads have their own {@code spring.servlet.multipart.*} limits
 */
@ConfigurationProperties("huduma.web")
record HudumaWebProperties(@DefaultValue("256KB") DataSize maxBodySize) {
}
