package dev.taskmanager.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for 127.0.0.1 and localhost made by the real {@code openssl}, as an operator would
 * make one for a test, with the ways clients are told to trust it and nothing else.
 */
record SelfSignedCertificate(Path file, Path key) {

  /** Makes a P-256 key and a certificate valid for two days into {@code dir}. */
  static SelfSignedCertificate create(Path dir) {
    SelfSignedCertificate made = new SelfSignedCertificate(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    try {
      Files.createDirectories(dir);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    Programs.Run openssl = Programs.run(List.of(Required.OPENSSL.toString(), "req", "-x509",
        "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout", made.key().toString(), "-out", made.file().toString()), Map.of());
    if (openssl.status() != 0) {
      throw new AssertionError("openssl could not make a certificate:\n" + openssl.err());
    }
    return made;
  }

  X509Certificate certificate() {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (GeneralSecurityException failed) {
      throw new AssertionError("cannot read " + file, failed);
    }
  }

  /** A TLS context that trusts this certificate alone. */
  SSLContext trustingOnlyThis() {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("proxy", certificate());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException failed) {
      throw new AssertionError("cannot trust " + file, failed);
    }
  }

  /** The base64 SHA-256 of the public key, as Chromium's {@code --ignore-certificate-errors-spki-list} takes it. */
  String spkiSha256() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getPublicKey().getEncoded());
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException failed) {
      throw new AssertionError(failed);
    }
  }
}
