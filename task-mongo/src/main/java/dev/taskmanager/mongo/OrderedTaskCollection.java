package dev.taskmanager.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * The embedded server's {@code tasks} collection: an H2 collection that keeps a {@link TaskOrder}
 * beside its documents, so a page (a sorted query with a limit) costs the same at any store size.
 *
 * <p>Every writer's changes pass through here (the CLI, other replicas and the tutorial app reach
 * the same server), so the order is never stale. It is built from the documents on the first sorted
 * query and kept up to date from then on, all under the collection's lock that the library takes
 * around every operation.
 */
final class OrderedTaskCollection extends H2Collection {

  private final MVMap<Object, Document> documents;
  private TaskOrder order;

  OrderedTaskCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
    super(database, collectionName, options, documents, meta, cursorRegistry);
    this.documents = documents;
  }

  @Override
  protected synchronized Object addDocumentInternal(Document document) {
    Object position = super.addDocumentInternal(document);
    if (order != null) {
      order.add(position, document);
    }
    return position;
  }

  @Override
  protected synchronized void removeDocument(Object position) {
    super.removeDocument(position);
    if (order != null) {
      order.remove(position);
    }
  }

  @Override
  protected synchronized void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    super.handleUpdate(position, oldDocument, newDocument);
    if (order != null) {
      order.remove(position);
      order.add(position, newDocument);
    }
  }

  @Override
  protected synchronized QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip,
      int limit, int batchSize, Document fieldSelector) {
    Optional<Iterator<Object>> positions = limit > 0 && TaskOrder.serves(orderBy)
        ? order().positions(orderBy, query)
        : Optional.empty();
    if (positions.isEmpty()) {
      return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    long wanted = (long) Math.max(numberToSkip, 0) + limit;
    List<Document> firstMatches = new ArrayList<>((int) Math.min(wanted, 1_024));
    Iterator<Object> each = positions.get();
    while (firstMatches.size() < wanted && each.hasNext()) {
      Document document = getDocument(each.next());
      if (documentMatchesQuery(document, query)) {
        firstMatches.add(document);
      }
    }
    // The library's own path from here, which skips, limits and projects; told of no query and no
    // order, it neither matches these again nor sorts them again (its sort, of documents already in
    // order, made a page's largest garbage: it splits each field's path with a regex at every
    // comparison).
    return matchDocumentsFromStream(new Document(), firstMatches.stream(), numberToSkip, limit, batchSize, null,
        fieldSelector);
  }

  private TaskOrder order() {
    if (order == null) {
      TaskOrder built = new TaskOrder();
      documents.forEach((position, document) -> built.add(position, document));
      order = built;
    }
    return order;
  }
}
