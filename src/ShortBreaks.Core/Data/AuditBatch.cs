using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShortBreaks.Core.Data;

/// <summary>
/// The audit entries a save adds, written on SQLite in one multi-row <c>INSERT</c> instead of one command each. EF
/// Core's SQLite provider sends every added row as its own command (it does not batch), and every view of a list of
/// children writes an audit entry per child: a payment run of forty children was forty commands, each one taken in
/// turn behind the one SQLite writer. PostgreSQL batches the rows itself, so there the save is left to EF.
/// The rows go in the save's transaction, after the save's own rows, so the save and its audit stand or fall together.
/// The entries written so are no longer tracked after the save (and keep an <see cref="AuditEntry.Id"/> of 0): nothing
/// reads an audit entry back from the context that wrote it.
/// </summary>
internal sealed class AuditBatch
{
    /// <summary>Rows a statement carries: 8 parameters each, well under SQLite's limit of 32,766.</summary>
    private const int RowsPerStatement = 200;

    private readonly List<AuditEntry> _entries;

    private AuditBatch(List<AuditEntry> entries) => _entries = entries;

    public int Count => _entries.Count;

    /// <summary>
    /// On SQLite, when the save adds two or more audit entries, takes them out of the change tracker (to be written by
    /// <see cref="Insert"/>); otherwise takes nothing and EF writes them as it writes everything else.
    /// </summary>
    public static AuditBatch Take(ShortBreaksDbContext db)
    {
        if (!db.Database.IsSqlite()) return new AuditBatch([]);
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count < 2) return new AuditBatch([]);
        foreach (var entry in added) entry.State = EntityState.Detached;
        return new AuditBatch(added.Select(e => e.Entity).ToList());
    }

    /// <summary>When the save failed: puts the entries back, as EF would have left them, for a caller that tries again.</summary>
    public void Restore(ShortBreaksDbContext db)
    {
        foreach (var entry in _entries) db.Entry(entry).State = EntityState.Added;
    }

    public int Insert(ShortBreaksDbContext db)
    {
        var written = 0;
        foreach (var chunk in _entries.Chunk(RowsPerStatement))
        {
            using var command = Command(db, chunk);
            written += command.ExecuteNonQuery();
        }

        return written;
    }

    public async Task<int> InsertAsync(ShortBreaksDbContext db, CancellationToken ct)
    {
        var written = 0;
        foreach (var chunk in _entries.Chunk(RowsPerStatement))
        {
            await using var command = Command(db, chunk);
            written += await command.ExecuteNonQueryAsync(ct);
        }

        return written;
    }

    /// <summary>
    /// One <c>INSERT</c> of the chunk's rows, each value made a parameter through the model's own type mapping (so a
    /// time, a GUID or a null is stored exactly as EF would store it).
    /// </summary>
    private static DbCommand Command(ShortBreaksDbContext db, AuditEntry[] chunk)
    {
        var entityType = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder("INSERT INTO \"").Append(table.Name).Append("\" (")
            .AppendJoin(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\"")).Append(") VALUES ");
        for (var row = 0; row < chunk.Length; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < properties.Count; column++)
            {
                var property = properties[column];
                var name = $"@p{row}_{column}";
                sql.Append(column == 0 ? "" : ", ").Append(name);
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(chunk[row]), property.IsNullable));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }
}
