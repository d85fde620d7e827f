package dev.taskmanager.embeddedmongo.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.ErrorCode;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import dev.taskmanager.embeddedmongo.index.KeyBytesType;
import dev.taskmanager.embeddedmongo.index.OrderedIndex;
import dev.taskmanager.embeddedmongo.index.PositionType;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * Opens the H2 databases of one file as {@link IndexedDatabase}s. A factory of its own because the
 * library opens a database's collections and indexes from inside the database's constructor, before
 * a subclass's fields are set: an inner class's reference to this factory (hence the file) is set
 * before that.
 */
final class IndexedDatabases {

  /** The library's names for a collection's maps, as H2Database opens them. */
  private static final String DOCUMENTS_MAP_PREFIX = "databases.";
  private static final String META_MAP_PREFIX = "meta.";
  /** Where the library kept its own unique indexes (format 1); dropped, and built anew as ordered maps. */
  private static final String LEGACY_INDEX_INFIX = "._index_";
  private static final String INDEX_INFIX = "._ordered_index_";

  private static final String ID_INDEX_NAME = "_id_";

  private final MVStore mvStore;

  IndexedDatabases(MVStore mvStore) {
    this.mvStore = mvStore;
  }

  MongoDatabase open(String databaseName, CursorRegistry cursorRegistry) {
    return new IndexedDatabase(databaseName, cursorRegistry);
  }

  /**
   * An H2 database whose collections answer queries from their indexes and whose indexes are
   * ordered maps in the file ({@link OrderedIndex}), secondary ones included (the library keeps
   * none). Also answers {@code explain} for finds, checks hints as MongoDB does, refuses index
   * definitions that clash with existing ones, and drops indexes by name, key pattern, list or
   * {@code "*"} within one collection.
   */
  final class IndexedDatabase extends H2Database {

    IndexedDatabase(String databaseName, CursorRegistry cursorRegistry) {
      super(databaseName, mvStore, cursorRegistry);
      removeAbandonedIndexMaps();
    }

    /**
     * Removes the maps of indexes no collection has: an index build the process did not live to
     * finish leaves its map (committed part way) but not its description, which is written last.
     */
    private void removeAbandonedIndexMaps() {
      Set<String> kept = new HashSet<>();
      for (String collectionName : collectionNames()) {
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        if (collection != null) {
          for (Index<Object> index : collection.getIndexes()) {
            kept.add(getFullCollectionNamespace(collectionName) + INDEX_INFIX + index.getName());
          }
        }
      }
      String prefix = getDatabaseName() + ".";
      for (String mapName : List.copyOf(mvStore.getMapNames())) {
        if (mapName.startsWith(prefix) && mapName.contains(INDEX_INFIX) && !kept.contains(mapName)) {
          mvStore.removeMap(mapName);
        }
      }
    }

    /** The names of the database's collections, as its namespaces list them. */
    private List<String> collectionNames() {
      List<String> names = new ArrayList<>();
      MongoCollection<Object> namespaces = resolveCollection("system.namespaces", false);
      if (namespaces != null) {
        for (Document namespace : namespaces.queryAll()) {
          names.add(String.valueOf(namespace.get("name")).substring(getDatabaseName().length() + 1));
        }
      }
      return names;
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
        Oplog oplog) {
      switch (command.toLowerCase(Locale.ROOT)) {
        case "explain":
          return explain(query);
        case "listindexes":
          return listIndexes(String.valueOf(query.get(command)));
        case "dropindexes":
        case "deleteindexes":
          return dropIndexes(command, query);
        case "find":
        case "findandmodify":
        case "count":
          Object hint = query.get("hint");
          checkHint(query.get(command), hint);
          return QueryHints.during(hint, () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
        case "update":
          checkStatementHints(query.get(command), query.get("updates"));
          return super.handleCommand(channel, command, query, databaseResolver, oplog);
        case "delete":
          checkStatementHints(query.get(command), query.get("deletes"));
          return super.handleCommand(channel, command, query, databaseResolver, oplog);
        default:
          return super.handleCommand(channel, command, query, databaseResolver, oplog);
      }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> documents = openDocuments(DOCUMENTS_MAP_PREFIX + fullName);
      return new IndexedCollection(this, collectionName, options, documents,
          mvStore.openMap(META_MAP_PREFIX + fullName), cursorRegistry, mvStore::commit);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      return ordered(collectionName, indexName, keys, true, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      return ordered(collectionName, indexName, keys, false, sparse);
    }

    /**
     * Checks a new index's definition against the collection's indexes, as MongoDB does: the same
     * name with another key or options, or the same key under another name, is an error.
     */
    @Override
    protected void addIndex(Document indexDescription) {
      Object namespace = indexDescription.get("ns");
      MongoCollection<Object> descriptions = indexes.get();
      if (descriptions != null && namespace != null) {
        for (Document existing : descriptions.handleQuery(new Document("ns", namespace))) {
          boolean sameName = Objects.equals(existing.get("name"), indexDescription.get("name"));
          boolean sameKey = sameKeyPattern(existing.get("key"), indexDescription.get("key"));
          boolean sameOptions = Utils.isTrue(existing.get("unique")) == Utils.isTrue(indexDescription.get("unique"))
              && Utils.isTrue(existing.get("sparse")) == Utils.isTrue(indexDescription.get("sparse"));
          if (sameName && !(sameKey && sameOptions)) {
            throw new MongoServerError(ErrorCode.IndexKeySpecsConflict, "An existing index has the same name as the"
                + " requested index. Requested index: " + indexDescription.toString() + ", existing index: " + existing);
          }
          if (!sameName && sameKey) {
            throw new MongoServerError(85, "IndexOptionsConflict",
                "Index already exists with a different name: " + existing.get("name"));
          }
        }
      }
      super.addIndex(indexDescription);
    }

    /**
     * Renames a collection's maps with it. The library's own H2 code reads the collection's name
     * after renaming it, so it renames a new empty map and leaves the documents under the old name,
     * where the next opening does not look.
     */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
      String oldName = collection.getFullName();
      super.moveCollection(oldDatabase, collection, newCollectionName);
      String newName = getFullCollectionNamespace(newCollectionName);
      for (String prefix : List.of(DOCUMENTS_MAP_PREFIX, META_MAP_PREFIX)) {
        mvStore.removeMap(prefix + newName);
        mvStore.renameMap(mvStore.openMap(prefix + oldName), prefix + newName);
      }
      for (Index<?> index : collection.getIndexes()) {
        if (index instanceof OrderedIndex ordered) {
          ordered.moveTo(getFullCollectionNamespace(newCollectionName) + INDEX_INFIX + ordered.getName());
        }
      }
    }

    private Index<Object> ordered(String collectionName, String indexName, List<IndexKey> keys, boolean unique,
        boolean sparse) {
      String namespace = getFullCollectionNamespace(collectionName);
      mvStore.removeMap(namespace + LEGACY_INDEX_INFIX + indexName);
      MVMap<byte[], Object> entries = mvStore.openMap(namespace + INDEX_INFIX + indexName,
          new MVMap.Builder<byte[], Object>().keyType(KeyBytesType.INSTANCE).valueType(new PositionType(bsonType())));
      return new OrderedIndex(indexName, keys, unique, sparse, entries);
    }

    /**
     * The collection's indexes in the order they were created, {@code _id_} first, as MongoDB lists
     * them (the library lists them in the order of its own map's random keys). Map ids count up as
     * maps are created, and a rename keeps them.
     */
    private Document listIndexes(String collectionName) {
      MongoCollection<Object> collection = resolveCollection(collectionName, false);
      List<Document> listed = new ArrayList<>();
      if (collection != null && indexes.get() != null) {
        Map<String, Integer> creation = new HashMap<>();
        for (Index<Object> index : collection.getIndexes()) {
          creation.put(index.getName(), index instanceof OrderedIndex ordered ? ordered.creationOrder() : Integer.MAX_VALUE);
        }
        for (Document description : indexes.get().handleQuery(new Document("ns", collection.getFullName()))) {
          Document shown = description.clone();
          shown.remove("ns");
          listed.add(shown);
        }
        listed.sort(Comparator.comparing((Document shown) -> !ID_INDEX_NAME.equals(shown.get("name")))
            .thenComparing(shown -> creation.getOrDefault(String.valueOf(shown.get("name")), Integer.MAX_VALUE)));
      }
      Document cursor = new Document("id", 0L)
          .append("ns", getDatabaseName() + ".$cmd.listIndexes")
          .append("firstBatch", listed);
      Document response = new Document("cursor", cursor);
      Utils.markOkay(response);
      return response;
    }

    private Document explain(Document query) {
      if (!(query.get("explain") instanceof Document explained) || !explained.containsKey("find")) {
        throw new MongoServerError(ErrorCode.BadValue, "explain is supported for find only");
      }
      String collectionName = String.valueOf(explained.get("find"));
      Object hint = explained.get("hint");
      checkHint(collectionName, hint);
      Document filter = explained.get("filter") instanceof Document given ? given : new Document();
      Document sort = explained.get("sort") instanceof Document given ? given : null;
      int skip = explained.get("skip") instanceof Number given ? given.intValue() : 0;
      int limit = explained.get("limit") instanceof Number given ? given.intValue() : 0;
      MongoCollection<Object> collection = resolveCollection(collectionName, false);
      Document answer;
      if (collection instanceof IndexedCollection indexed) {
        answer = indexed.explain(filter, sort, skip, limit, hint);
      } else {
        answer = new Document("queryPlanner", new Document("namespace", getFullCollectionNamespace(collectionName))
            .append("winningPlan", new Document("stage", "EOF")));
      }
      Utils.markOkay(answer);
      return answer;
    }

    private Document dropIndexes(String command, Document query) {
      String collectionName = String.valueOf(query.get(command));
      MongoCollection<Object> collection = resolveCollection(collectionName, false);
      if (collection == null) {
        throw new MongoServerError(26, "NamespaceNotFound", "ns not found " + getFullCollectionNamespace(collectionName));
      }
      int before = collection.getNumIndexes();
      for (String name : indexNamesTo(collection, query.get("index"))) {
        if (name.equals(ID_INDEX_NAME)) {
          throw new MongoServerError(72, "InvalidOptions", "cannot drop _id index");
        }
        if (collection.getIndexes().stream().noneMatch(index -> index.getName().equals(name))) {
          throw new MongoServerError(ErrorCode.IndexNotFound, "index not found with name [" + name + "]");
        }
      }
      for (String name : indexNamesTo(collection, query.get("index"))) {
        dropIndex(collection, name);
        indexes.get().deleteDocuments(new Document("ns", collection.getFullName()).append("name", name), 1);
      }
      Document response = new Document("nIndexesWas", before);
      Utils.markOkay(response);
      return response;
    }

    /** The names {@code dropIndexes} is given: one, a list, a key pattern, or "*" for all but {@code _id_}. */
    private List<String> indexNamesTo(MongoCollection<Object> collection, Object index) {
      List<String> names = new ArrayList<>();
      if ("*".equals(index)) {
        for (Index<Object> each : collection.getIndexes()) {
          if (!each.getName().equals(ID_INDEX_NAME)) {
            names.add(each.getName());
          }
        }
      } else if (index instanceof String name) {
        names.add(name);
      } else if (index instanceof Collection<?> listed) {
        listed.forEach(name -> names.add(String.valueOf(name)));
      } else if (index instanceof Document pattern) {
        collection.getIndexes().stream()
            .filter(each -> each instanceof OrderedIndex ordered && sameKeyPattern(ordered.keyPattern(), pattern))
            .findFirst()
            .ifPresentOrElse(each -> names.add(each.getName()), () -> {
              throw new MongoServerError(ErrorCode.IndexNotFound, "can't find index with key: " + pattern);
            });
      } else {
        throw new MongoServerError(ErrorCode.BadValue, "index must be a name, a key pattern, a list of names or \"*\"");
      }
      return names;
    }

    private void checkStatementHints(Object collectionName, Object statements) {
      if (statements instanceof List<?> list) {
        for (Object statement : list) {
          if (statement instanceof Document document) {
            checkHint(collectionName, document.get("hint"));
          }
        }
      }
    }

    /** A hint must name an index the collection has, as on MongoDB, where it fails the command otherwise. */
    private void checkHint(Object collectionName, Object hint) {
      if (hint == null || (hint instanceof Document pattern && (pattern.isEmpty() || pattern.containsKey("$natural")))) {
        return;
      }
      MongoCollection<Object> collection = resolveCollection(String.valueOf(collectionName), false);
      boolean exists = collection instanceof IndexedCollection indexed && indexed.indexNamedBy(hint) != null;
      if (!exists) {
        throw new MongoServerError(ErrorCode.BadValue, "hint provided does not correspond to an existing index");
      }
    }
  }

  /** Key patterns are equal when they have the same fields in the same order and directions. */
  private static boolean sameKeyPattern(Object a, Object b) {
    if (!(a instanceof Document left) || !(b instanceof Document right)) {
      return false;
    }
    List<Map.Entry<String, Object>> x = new ArrayList<>(left.entrySet());
    List<Map.Entry<String, Object>> y = new ArrayList<>(right.entrySet());
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).getKey().equals(y.get(i).getKey()) || !sameDirection(x.get(i).getValue(), y.get(i).getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameDirection(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  /** A collection's documents, their values (and, where the file began so, their keys) in BSON. */
  private MVMap<Object, Document> openDocuments(String mapName) {
    MVMap.Builder<Object, Document> builder = new MVMap.Builder<Object, Document>().valueType(bsonType());
    if (FileFormat.of(mvStore).hasBsonKeys()) {
      builder.keyType(bsonType());
    }
    return mvStore.openMap(mapName, builder);
  }

  @SuppressWarnings("unchecked")
  private static <T> DataType<T> bsonType() {
    return (DataType<T>) new BsonDataType();
  }
}
