using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShortBreaks.Core.Data;

/// <summary>
/// The audit entries a save adds, written in one multi-row <c>INSERT</c> instead of one command each. Every view of a
/// list of children writes an audit entry per child: a payment run of forty children was forty commands, each one taken
/// in turn behind SQLite's one writer, and on PostgreSQL forty rows each sent back its new key.
/// The views a context records (<see cref="ShortBreaksDbContext.RecordView"/>) are never tracked and always go this way.
/// On SQLite the entries a save makes of its own changes go this way too (EF Core's SQLite provider sends every added
/// row as its own command); PostgreSQL batches those itself, so there they are left to EF.
/// The rows go in the save's transaction, after the save's own rows, so the save and its audit stand or fall together.
/// The entries written so are not tracked after the save (and keep an <see cref="AuditEntry.Id"/> of 0): nothing reads
/// an audit entry back from the context that wrote it.
/// </summary>
internal sealed class AuditBatch
{
    /// <summary>Rows a statement carries: 8 parameters each, well under SQLite's limit of 32,766.</summary>
    private const int RowsPerStatement = 200;

    private readonly List<AuditEntry> _entries;
    private readonly List<AuditEntry> _taken;

    private AuditBatch(List<AuditEntry> entries, List<AuditEntry> taken)
    {
        _entries = entries;
        _taken = taken;
    }

    public int Count => _entries.Count;

    /// <summary>The statements <see cref="Insert"/> sends.</summary>
    public int Statements => (_entries.Count + RowsPerStatement - 1) / RowsPerStatement;

    /// <summary>These entries (not tracked), to be written by <see cref="Insert"/>.</summary>
    public static AuditBatch Of(List<AuditEntry> entries) => new([.. entries], []);

    /// <summary>
    /// The recorded <paramref name="views"/> and, on SQLite when the save adds two or more audit entries (its own and the
    /// views), its own too, taken out of the change tracker (to be written by <see cref="Insert"/>); otherwise EF writes the
    /// tracked entries as it writes everything else.
    /// </summary>
    public static AuditBatch Take(ShortBreaksDbContext db, List<AuditEntry> views)
    {
        if (!db.Database.IsSqlite()) return new AuditBatch([.. views], []);
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count + views.Count < 2) return new AuditBatch([.. views], []);
        foreach (var entry in added) entry.State = EntityState.Detached;
        var taken = added.Select(e => e.Entity).ToList();
        return new AuditBatch([.. taken, .. views], taken);
    }

    /// <summary>When the save failed: puts the tracked entries back, as EF would have left them, for a caller that tries again.</summary>
    public void Restore(ShortBreaksDbContext db)
    {
        foreach (var entry in _taken) db.Entry(entry).State = EntityState.Added;
    }

    public int Insert(ShortBreaksDbContext db)
    {
        if (_entries.Count == 0) return 0;
        var statement = Statement.For(db);
        var written = 0;
        if (db.Database.IsSqlite())
        {
            using var rows = statement.SqliteCommand(db, _entries);
            return rows.ExecuteNonQuery();
        }

        foreach (var chunk in _entries.Chunk(RowsPerStatement))
        {
            using var command = statement.Command(db, chunk);
            written += command.ExecuteNonQuery();
        }

        return written;
    }

    public async Task<int> InsertAsync(ShortBreaksDbContext db, CancellationToken ct)
    {
        if (_entries.Count == 0) return 0;
        var statement = Statement.For(db);
        var written = 0;
        if (db.Database.IsSqlite())
        {
            await using var rows = statement.SqliteCommand(db, _entries);
            return await rows.ExecuteNonQueryAsync(ct);
        }

        foreach (var chunk in _entries.Chunk(RowsPerStatement))
        {
            await using var command = statement.Command(db, chunk);
            written += await command.ExecuteNonQueryAsync(ct);
        }

        return written;
    }

    /// <summary>
    /// The <c>INSERT</c> of audit entries for one database's model: its columns, with the model's own type mapping for
    /// each value (so a time, a GUID or a null is stored exactly as EF would store it).
    /// On SQLite every row goes in one short statement with one parameter, the rows as a JSON array of the values as
    /// SQLite stores them, read back by <c>json_each</c>: a statement of many rows with a parameter per value was parsed
    /// again on every save, and each of its hundreds of parameters looked up by name, which cost more than the rows.
    /// PostgreSQL takes up to <see cref="RowsPerStatement"/> rows a statement, one round trip each.
    /// </summary>
    private sealed class Statement
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<IModel, Statement> ByModel = new();

        private readonly string _table;
        private readonly List<(IProperty Property, string Column, RelationalTypeMapping Mapping, Func<AuditEntry, object?> Value)> _columns;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _sql = new();

        private Statement(IModel model)
        {
            var entityType = model.FindEntityType(typeof(AuditEntry))!;
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            _table = table.Name;
            _columns = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never)
                .Select(p =>
                {
                    var getter = p.GetGetter();
                    return (p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(),
                        (Func<AuditEntry, object?>)(e => getter.GetClrValue(e)));
                })
                .ToList();
        }

        private string? _sqliteSql;

        /// <summary>One statement writing every row on SQLite (see above).</summary>
        public DbCommand SqliteCommand(ShortBreaksDbContext db, IReadOnlyList<AuditEntry> rows)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = _sqliteSql ??= new StringBuilder("INSERT INTO \"").Append(_table).Append("\" (")
                .AppendJoin(", ", _columns.Select(c => $"\"{c.Column}\"")).Append(") SELECT ")
                .AppendJoin(", ", Enumerable.Range(0, _columns.Count).Select(column => $"json_extract(value, '$[{column}]')"))
                .Append(" FROM json_each(@rows) ORDER BY key").ToString();
            var json = new System.Buffers.ArrayBufferWriter<byte>(rows.Count * 256);
            using (var writer = new System.Text.Json.Utf8JsonWriter(json))
            {
                writer.WriteStartArray();
                foreach (var row in rows)
                {
                    writer.WriteStartArray();
                    foreach (var (_, _, mapping, value) in _columns) WriteSqliteValue(writer, mapping, value(row));
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = "@rows";
            parameter.Value = Encoding.UTF8.GetString(json.WrittenSpan);
            command.Parameters.Add(parameter);
            return command;
        }

        // A value as Microsoft.Data.Sqlite binds it for EF's mapping: text for a time (EF's format) and a GUID (upper case,
        // as EF stores a GUID on SQLite), after the model's own conversion (times are kept in UTC).
        private static void WriteSqliteValue(System.Text.Json.Utf8JsonWriter writer, RelationalTypeMapping mapping, object? value)
        {
            var stored = value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
            switch (stored)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case DateTime time:
                    writer.WriteStringValue(time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case Guid guid:
                    writer.WriteStringValue(guid.ToString().ToUpperInvariant());
                    break;
                default:
                    throw new NotSupportedException($"An audit entry's {stored.GetType().Name} value is not written on SQLite.");
            }
        }

        public static Statement For(ShortBreaksDbContext db) => ByModel.GetOrAdd(db.Model, model => new Statement(model));

        /// <summary>One statement writing these rows, a parameter for each value.</summary>
        public DbCommand Command(ShortBreaksDbContext db, IReadOnlyList<AuditEntry> rows)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = _sql.GetOrAdd(rows.Count, Sql);
            for (var row = 0; row < rows.Count; row++)
            {
                for (var column = 0; column < _columns.Count; column++)
                {
                    var (property, _, mapping, value) = _columns[column];
                    command.Parameters.Add(mapping.CreateParameter(command, $"@p{row}_{column}", value(rows[row]), property.IsNullable));
                }
            }

            return command;
        }

        private string Sql(int rows)
        {
            var sql = new StringBuilder("INSERT INTO \"").Append(_table).Append("\" (")
                .AppendJoin(", ", _columns.Select(c => $"\"{c.Column}\"")).Append(") VALUES ");
            for (var row = 0; row < rows; row++)
            {
                sql.Append(row == 0 ? "(" : ", (")
                    .AppendJoin(", ", Enumerable.Range(0, _columns.Count).Select(column => $"@p{row}_{column}"))
                    .Append(')');
            }

            return sql.ToString();
        }
    }
}
