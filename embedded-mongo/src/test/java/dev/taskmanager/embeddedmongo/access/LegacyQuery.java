package dev.taskmanager.embeddedmongo.access;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonBinaryWriter;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * One legacy {@code OP_QUERY} on a fresh connection, as no current driver sends it but anyone can:
 * the way around a check made only where drivers send commands.
 */
final class LegacyQuery {

  private static final int OP_QUERY = 2004;

  private LegacyQuery() {}

  /** The documents of the {@code OP_REPLY} to a query of {@code namespace} ({@code db.collection}). */
  static List<BsonDocument> send(String address, String namespace, BsonDocument query) throws IOException {
    URI uri = URI.create(address);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      byte[] name = (namespace + "\0").getBytes(StandardCharsets.UTF_8);
      byte[] body = bytesOf(query);
      ByteBuffer message = ByteBuffer.allocate(16 + 4 + name.length + 8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
      message.putInt(message.capacity()).putInt(1).putInt(0).putInt(OP_QUERY);
      message.putInt(0).put(name).putInt(0).putInt(-1).put(body);
      OutputStream out = socket.getOutputStream();
      out.write(message.array());
      out.flush();
      return readReply(new DataInputStream(socket.getInputStream()));
    }
  }

  private static byte[] bytesOf(BsonDocument document) {
    BasicOutputBuffer buffer = new BasicOutputBuffer();
    new BsonDocumentCodec().encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
    return buffer.toByteArray();
  }

  private static List<BsonDocument> readReply(DataInputStream in) throws IOException {
    byte[] lengthBytes = in.readNBytes(4);
    int length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteBuffer reply = ByteBuffer.wrap(in.readNBytes(length - 4)).order(ByteOrder.LITTLE_ENDIAN);
    reply.position(12 + 4 + 8 + 4); // the rest of the header, flags, cursor id, starting from
    int count = reply.getInt();
    List<BsonDocument> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try (BsonBinaryReader reader = new BsonBinaryReader(reply)) {
        documents.add(new BsonDocumentCodec().decode(reader, DecoderContext.builder().build()));
      }
    }
    return documents;
  }
}
