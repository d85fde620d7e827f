package dev.taskmanager.embeddedmongo.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import dev.taskmanager.embeddedmongo.index.OrderedIndex;
import dev.taskmanager.embeddedmongo.index.QueryPlan;
import dev.taskmanager.embeddedmongo.index.QueryPlanner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose queries are answered from its indexes ({@link QueryPlanner}): a page of a
 * sorted query reads the index entries and documents of that page, not the collection. Queries no
 * index helps take the library's own path (every document, sorted in memory): the same answers.
 *
 * <p>The library takes the collection's lock around every operation; index builds take it too, so
 * no write slips past an index while it is built.
 */
final class IndexedCollection extends H2Collection {

  /** Commit every this many documents while building an index, to keep unsaved pages few. */
  private static final int BUILD_CHECKPOINT = 20_000;
  /** The same while deleting many. */
  private static final int WRITE_CHECKPOINT = 10_000;

  private final MVMap<Object, Document> documents;
  private final Runnable checkpoint;

  /**
   * @param checkpoint commits what an index build wrote so far; called only where no other command
   *     runs (at opening, or from a command that runs alone)
   */
  IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry,
      Runnable checkpoint) {
    super(database, collectionName, options, documents, meta, cursorRegistry);
    this.documents = documents;
    this.checkpoint = checkpoint;
  }

  /** Adds an index, first building it from every document unless it is complete already. */
  @Override
  public synchronized void addIndex(Index<Object> index) {
    boolean known = getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
    if (!known && index instanceof OrderedIndex ordered && !ordered.isReady()) {
      build(ordered);
    }
    super.addIndex(index);
  }

  @Override
  public synchronized void dropIndex(String indexName) {
    super.dropIndex(indexName);
  }

  /**
   * Not kept: the library encodes every document written to BSON to measure it and rewrites the
   * collection's size in its own map, a page more for every commit to write, for {@code collStats}
   * alone (which then says 0; counts stay exact). Creates from 4 threads went from ~2,200/s to
   * ~2,500/s without it.
   */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  @Override
  protected int getDataSize() {
    return 0;
  }

  /** Under the lock like every other query: the library leaves counting with a filter unsynchronized. */
  @Override
  public synchronized int count(Document query, int skip, int limit) {
    return super.count(query, skip, limit);
  }

  /**
   * The library's distinct, less the marker it gives an element of an array that lacks the field
   * ({@code a.b} over {@code a: [{b: 1}, {c: 2}]}), which MongoDB skips: that marker has no BSON form,
   * and the reply failing to encode made the library close the client's connection, and its driver
   * then failed the other operations on that server. Skipped before they meet a value: they compare
   * equal to null, which would take a real null's place in the set.
   */
  @Override
  public synchronized Document handleDistinct(Document query) {
    String key = (String) query.get("key");
    Document filter = query.get("query") instanceof Document given ? given : new Document();
    Set<Object> values = new TreeSet<>(ValueComparator.ascWithoutListHandling());
    for (Document document : queryDocuments(filter, null, 0, 0, 0, null)) {
      Object value = Utils.getSubdocumentValueCollectionAware(document, key);
      if (value instanceof Collection<?> elements) {
        elements.stream().filter(element -> !(element instanceof Missing)).forEach(values::add);
      } else if (!(value instanceof Missing)) {
        values.add(value);
      }
    }
    Document response = new Document("values", values);
    Utils.markOkay(response);
    return response;
  }

  /**
   * Deletes every match of a {@code deleteMany} one by one as the scan finds them, never holding them
   * all, and commits every few thousand so that unsaved pages stay few; an empty filter empties the
   * collection and its indexes at once. The backend runs such a delete with no other write under way
   * ({@link DurableBackend}), which the commits need. A single delete takes the library's path.
   */
  @Override
  public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
    if (limit != 0) {
      return super.deleteDocuments(selector, limit, oplog);
    }
    boolean logged = !(oplog instanceof NoopOplog);
    if (selector.isEmpty() && !logged) {
      return truncate();
    }
    List<Object> deletedIds = new ArrayList<>();
    int deleted = 0;
    Iterator<Document> matches = matchesOf(selector);
    while (matches.hasNext()) {
      Document document = matches.next();
      if (logged) {
        deletedIds.add(document.get(getIdField()));
      }
      removeDocument(document);
      if (++deleted % WRITE_CHECKPOINT == 0) {
        checkpoint.run();
      }
    }
    oplog.handleDelete(getFullName(), selector, deletedIds);
    return deleted;
  }

  @Override
  protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
      Document fieldSelector) {
    Document filter = query == null ? new Document() : query;
    QueryPlan plan = plan(filter, orderBy, numberToSkip, limit, QueryHints.current());
    if (!plan.usesIndex()) {
      return super.queryDocuments(filter, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    List<Document> matches = run(plan, filter, numberToSkip, limit, new QueryPlan.Counts());
    if (plan.servesSort()) {
      // The library's own path from here, which skips, limits and projects; told of no query and
      // no order, it neither matches these again nor sorts them again.
      return matchDocumentsFromStream(new Document(), matches.stream(), numberToSkip, limit, batchSize, null,
          fieldSelector);
    }
    return matchDocumentsFromStream(matches.stream(), new Document(), orderBy, numberToSkip, limit, batchSize,
        fieldSelector);
  }

  /**
   * How a find would be answered and what it read, as MongoDB's {@code explain} reports it (the
   * winning plan and execution statistics), by running it.
   */
  synchronized Document explain(Document filter, Document sort, int skip, int limit, Object hint) {
    QueryPlan plan = plan(filter, sort, skip, limit, hint);
    QueryPlan.Counts counts = new QueryPlan.Counts();
    int returned;
    if (plan.usesIndex()) {
      List<Document> matches = run(plan, filter, skip, limit, counts);
      returned = Math.max(0, Math.min(matches.size() - Math.max(skip, 0), limit > 0 ? limit : Integer.MAX_VALUE));
    } else {
      returned = 0;
      for (Iterator<Document> all = super.queryDocuments(filter, sort, skip, limit, 0, null).iterator(); all.hasNext();
          all.next()) {
        returned++;
      }
      counts.documentsExamined(count());
    }
    return new Document("queryPlanner", new Document("namespace", getFullName())
        .append("parsedQuery", filter)
        .append("winningPlan", plan.explain())
        .append("rejectedPlans", List.of()))
        .append("executionStats", new Document("executionSuccess", true)
            .append("nReturned", returned)
            .append("totalKeysExamined", counts.keysExamined())
            .append("totalDocsExamined", counts.docsExamined()));
  }

  /** Every document and index entry gone at once: H2 drops a map's pages in one step. */
  private int truncate() {
    int removed = count();
    documents.clear();
    for (Index<Object> index : getIndexes()) {
      if (index instanceof OrderedIndex ordered) {
        ordered.clearForBuild();
        ordered.markReady();
      }
    }
    return removed;
  }

  /** The documents matching a filter, found lazily from the best index or the whole collection. */
  private Iterator<Document> matchesOf(Document filter) {
    QueryPlan plan = plan(filter, null, 0, 0, QueryHints.current());
    Iterator<Document> candidates;
    if (plan.usesIndex()) {
      Iterator<Object> positions = plan.positions(new QueryPlan.Counts());
      candidates = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return positions.hasNext();
        }

        @Override
        public Document next() {
          return getDocument(positions.next());
        }
      };
    } else {
      // A cursor reads the map as it was when it began, so removing as it goes is safe.
      candidates = documents.values().iterator();
    }
    return new Iterator<>() {
      private Document next;

      @Override
      public boolean hasNext() {
        while (next == null && candidates.hasNext()) {
          Document candidate = candidates.next();
          if (candidate != null && documentMatchesQuery(candidate, filter)) {
            next = candidate;
          }
        }
        return next != null;
      }

      @Override
      public Document next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Document found = next;
        next = null;
        return found;
      }
    };
  }

  /** The collection's complete indexes, which queries may use. */
  List<OrderedIndex> orderedIndexes() {
    List<OrderedIndex> ordered = new ArrayList<>();
    for (Index<Object> index : getIndexes()) {
      if (index instanceof OrderedIndex each && each.isReady()) {
        ordered.add(each);
      }
    }
    return ordered;
  }

  /** The index a hint names (by name or by key pattern), or {@code null} when none does. */
  OrderedIndex indexNamedBy(Object hint) {
    for (OrderedIndex index : orderedIndexes()) {
      if (hint instanceof String name ? index.getName().equals(name) : isKeyPattern(hint, index)) {
        return index;
      }
    }
    return null;
  }

  private QueryPlan plan(Document filter, Document sort, int skip, int limit, Object hint) {
    OrderedIndex hinted = hint == null ? null : indexNamedBy(hint);
    return QueryPlanner.plan(filter, sort, skip, limit, orderedIndexes(), hinted, count());
  }

  /**
   * The documents the plan finds that match the filter; when the plan's order is the query's, only
   * up to the last one the page needs.
   */
  private List<Document> run(QueryPlan plan, Document filter, int skip, int limit, QueryPlan.Counts counts) {
    long wanted = plan.servesSort() && limit > 0 ? (long) Math.max(skip, 0) + limit : Long.MAX_VALUE;
    List<Document> matches = new ArrayList<>((int) Math.min(wanted, 1_024));
    Iterator<Object> positions = plan.positions(counts);
    while (matches.size() < wanted && positions.hasNext()) {
      Document document = getDocument(positions.next());
      counts.documentExamined();
      if (document != null && documentMatchesQuery(document, filter)) {
        matches.add(document);
      }
    }
    return matches;
  }

  /**
   * Fills an index from every document, committing now and then. Should the process die before the
   * end, the index is not marked complete and is built again at the next opening.
   */
  private void build(OrderedIndex index) {
    index.clearForBuild();
    try {
      int sinceCheckpoint = 0;
      for (Map.Entry<Object, Document> entry : documents.entrySet()) {
        index.add(entry.getValue(), entry.getKey(), this);
        if (++sinceCheckpoint == BUILD_CHECKPOINT) {
          checkpoint.run();
          sinceCheckpoint = 0;
        }
      }
    } catch (MongoServerError cannotBuild) {
      index.drop();
      throw new IndexBuildFailedException(cannotBuild, this);
    }
    index.markReady();
  }

  private static boolean isKeyPattern(Object hint, OrderedIndex index) {
    if (!(hint instanceof Document pattern)) {
      return false;
    }
    return List.copyOf(pattern.keySet()).equals(index.fields()) && pattern.keySet().stream()
        .allMatch(field -> pattern.get(field) instanceof Number direction
            && (direction.doubleValue() > 0) == (index.keyPattern().get(field).equals(1)));
  }
}
