using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Scheduling;

namespace ShortBreaks.Core.Data;

internal sealed class PersonMessageConfiguration : IEntityTypeConfiguration<PersonMessage>
{
    public void Configure(EntityTypeBuilder<PersonMessage> b)
    {
        // A person's list, newest first; and the tasks a piece of work completes.
        b.HasIndex(m => new { m.UserId, m.CreatedAt });
        b.HasIndex(m => m.TaskKey);
        b.HasIndex(m => m.ChildId);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Detail).HasMaxLength(1000);
        b.Property(m => m.Link).HasMaxLength(500);
        b.Property(m => m.TaskKey).HasMaxLength(200);
        b.HasOne<Child>().WithMany().HasForeignKey(m => m.ChildId);
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        // What waits, oldest first: the outbox's one query each turn.
        b.HasIndex(e => new { e.State, e.CreatedAt });
        b.HasIndex(e => e.MessageId);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ClaimedBy).HasMaxLength(200);
        b.Property(e => e.Outcome).HasMaxLength(200);
        b.HasOne<PersonMessage>().WithMany().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> b)
    {
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(100);
        b.Property(j => j.ClaimedBy).HasMaxLength(200);
        b.Property(j => j.LastNode).HasMaxLength(200);
        b.Property(j => j.LastOutcome).HasMaxLength(20);
        b.Property(j => j.LastResult).HasMaxLength(500);
        b.Property(j => j.LastFailure).HasMaxLength(200);
    }
}

internal sealed class AppUserEmailChoiceConfiguration : IEntityTypeConfiguration<Identity.AppUser>
{
    public void Configure(EntityTypeBuilder<Identity.AppUser> b) =>
        b.Property(u => u.EmailChoice).HasConversion<string>().HasMaxLength(20).HasDefaultValue(EmailChoice.EmailAndList);
}
