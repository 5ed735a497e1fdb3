package dev.marquee.spotify.entity;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.Objects;

/**
 * A started authorization: the URI to send the admin's browser to, and the {@code state} and PKCE
 * verifier the caller keeps on the server until Spotify redirects back. The caller binds them to
 * the admin's session, organization and Spotify app, uses them once and lets them expire; the
 * verifier never leaves the server. {@link #toString()} shows neither.
 *
 * @param uri Spotify's {@code /authorize} URI with {@code response_type=code}, the client id,
 *     redirect URI, scopes, {@code state} and the S256 code challenge
 * @param state the random value Spotify echoes in the redirect
 * @param verifier the PKCE code verifier to present with the code
 */
public record AuthorizationRequest(URI uri, State state, CodeVerifier verifier) {

  public AuthorizationRequest {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public String toString() {
    return "AuthorizationRequest[endpoint="
        + uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + uri.getRawPath()
        + ", state=***, verifier=***]";
  }
}
