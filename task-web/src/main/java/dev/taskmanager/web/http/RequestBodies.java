package dev.taskmanager.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies, bounded and strictly decoded. Runs on a worker thread (the routes are
 * behind {@code BlockingHandler}).
 *
 * <p>Form bodies are parsed here rather than by Undertow's form parser: that parser decodes
 * malformed UTF-8 into U+FFFD without a word, and a person's text must either arrive exactly as
 * typed or be refused with a 400.
 */
public final class RequestBodies {

  /**
   * The most any request may send. The server's own cap ({@code MAX_ENTITY_SIZE}) is the larger
   * {@link Connections#DRAIN_LIMIT}, so that a refused body can still be read and dropped.
   */
  public static final int MAX_BYTES = 64 * 1024;
  /** More fields than any of our forms has, by far. */
  static final int MAX_FORM_FIELDS = 100;

  private static final String FORM = "application/x-www-form-urlencoded";

  private RequestBodies() {}

  /** The body's bytes; 413 when larger than {@link #MAX_BYTES}. */
  public static byte[] read(HttpServerExchange exchange) {
    if (exchange.getRequestContentLength() > MAX_BYTES) {
      throw HttpException.tooLarge(MAX_BYTES);
    }
    if (!exchange.isBlocking()) {
      exchange.startBlocking();
    }
    try {
      InputStream in = exchange.getInputStream();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        body.write(buffer, 0, read);
        if (body.size() > MAX_BYTES) {
          throw HttpException.tooLarge(MAX_BYTES);
        }
      }
      return body.toByteArray();
    } catch (RequestTooBigException tooBig) {
      throw HttpException.tooLarge(MAX_BYTES);
    } catch (IOException broken) {
      throw incomplete();
    } catch (RuntimeException failed) {
      // When the read timeout closes the connection of a client that stalls its body, Undertow's
      // stream may fail with a NullPointerException (its buffer freed under the reader) instead of
      // an IOException: the same client's doing.
      if (!exchange.getConnection().isOpen()) {
        throw incomplete();
      }
      throw failed;
    }
  }

  private static HttpException incomplete() {
    return HttpException.malformed("The request body could not be read completely.");
  }

  /** The body as text; 400 when it is not valid UTF-8. */
  public static String readUtf8(HttpServerExchange exchange) {
    return decodeUtf8(read(exchange), "The request body is not valid UTF-8.");
  }

  /**
   * The media type of the request without parameters, in lower case; {@code ""} when absent. A
   * {@code charset} parameter other than UTF-8 gives 415.
   */
  public static String mediaType(HttpServerExchange exchange, String expected) {
    String header = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (header == null) {
      return "";
    }
    // -1 keeps the empty parts: a header of only ";" still has its (empty) media type.
    String[] parts = header.split(";", -1);
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")
          && !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
        throw HttpException.unsupportedMediaType(expected + " in UTF-8");
      }
    }
    return parts[0].strip().toLowerCase(Locale.ROOT);
  }

  /** Reads a URL-encoded form: 415 for another content type, 400 when malformed, 413 when too large. */
  public static FormData readForm(HttpServerExchange exchange) {
    if (!mediaType(exchange, FORM).equals(FORM)) {
      throw HttpException.unsupportedMediaType(FORM);
    }
    return parseForm(read(exchange));
  }

  static FormData parseForm(byte[] body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (body.length == 0) {
      return new FormData(fields);
    }
    String ascii = new String(body, StandardCharsets.ISO_8859_1);
    String[] pairs = ascii.split("&", -1);
    if (pairs.length > MAX_FORM_FIELDS) {
      throw HttpException.malformed("The form has more than " + MAX_FORM_FIELDS + " fields.");
    }
    for (String pair : pairs) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1));
      fields.computeIfAbsent(name, unused -> new ArrayList<>()).add(value);
    }
    return new FormData(fields);
  }

  private static String percentDecode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw HttpException.malformed("The form is not properly URL-encoded (a % not followed by two hex digits).");
        }
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return decodeUtf8(bytes.toByteArray(), "The form contains text that is not valid UTF-8.");
  }

  private static String decodeUtf8(byte[] bytes, String problem) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException invalid) {
      throw HttpException.malformed(problem);
    }
  }
}
