using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Staff.Tests.Operations;

/// <summary>Every log line the host writes, with its scopes, as the shipped logging settings let it through.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, LogLevel Level, string Message, IReadOnlyList<string> Scopes)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            logs._scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                else list.Add(scope?.ToString() ?? "");
            }, scopes);
            logs.Lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception), scopes));
        }
    }
}

/// <summary>A host with telemetry switched on (to a collector that is not there) and its spans, metrics and logs kept.</summary>
public sealed class ObservedFactory : WebAppFactory
{
    public CapturedLogs Logs { get; } = new();
    public List<Activity> Spans { get; } = [];
    public List<Metric> Metrics { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:OtlpEndpoint", "http://127.0.0.1:9");
        builder.UseSetting("Nodes:JobPollSeconds", "0.2");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        });
    }
}

public sealed class LogsAndTelemetryTests(ObservedFactory factory) : IClassFixture<ObservedFactory>
{
    [Fact]
    public async Task A_family_request_decided_and_searched_for_leaves_logs_with_request_ids_and_never_the_childs_name_or_the_familys_details()
    {
        var family = await factory.CreateUserAsync(Roles.Family);
        var first = "Zephyrine" + TestData.NewName();
        var last = "Quillfeather" + TestData.NewName();
        var request = await factory.Data.CreateSubmittedRequestAsync(childFirstName: first, childLastName: last, familyUserId: family.Id);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        (await officer.GetPageAsync($"/staff/search?q={Uri.EscapeDataString(last)}")).Status.ShouldBe(HttpStatusCode.OK);
        var page = await officer.RequestPageAsync(request.Id);
        (await officer.SubmitAsync(page, StaffSteps.ConfirmChildForm, new() { ["ChildId"] = "new" })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await officer.DecideAsync(request.Id, "FlexibleShortBreaksApproved", "Needs care at night every night.")).Status.ShouldBe(HttpStatusCode.Redirect);
        var child = await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.FirstName == first));
        (await officer.GetPageAsync($"/staff/children/{child.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        using var parent = await factory.SignInAsync(family);
        (await parent.GetPageAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);
        factory.Emails().ShouldNotBeEmpty();

        var lines = factory.Logs.Lines.ToList();
        lines.ShouldContain(l => l.Message.StartsWith("Email written to", StringComparison.Ordinal), "the journey's emails are logged");
        var secrets = new[] { first, last, request.Postcode, request.ContactEmail, family.Email, request.Reference, "Needs care at night" }
            .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        foreach (var line in lines)
        {
            var text = line.Message + " " + string.Join(" ", line.Scopes);
            foreach (var secret in secrets) text.ShouldNotContain(secret, Case.Insensitive, $"a {line.Category} log line");
        }

        var emailLines = lines.Where(l => l.Message.StartsWith("Email written to", StringComparison.Ordinal)).ToList();
        emailLines.ShouldAllBe(l => l.Scopes.Any(s => s.StartsWith("RequestId=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Requests_database_calls_and_background_work_are_traced_and_counted_without_case_details()
    {
        var last = "Marrowdell" + TestData.NewName();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        (await officer.GetPageAsync($"/staff/search?q={Uri.EscapeDataString(last)}")).Status.ShouldBe(HttpStatusCode.OK);

        var version = factory.Services.GetRequiredService<RasSchemeCatalog>().Versions[^1].Version;
        var runId = await factory.WithServicesAsync(async services =>
        {
            var (run, result) = await services.GetRequiredService<VirtualBudgetService>().RequestAsync(version);
            result.Succeeded.ShouldBeTrue();
            return run!.Id;
        });
        factory.Services.GetRequiredService<VirtualBudgetQueue>().Enqueue(runId);
        await Eventually.UntilAsync(() => factory.Data.WithDbAsync(db => db.VirtualBudgetRuns.AsNoTracking().SingleAsync(r => r.Id == runId)),
            r => r.Status == VirtualBudgetRunStatus.Completed, "the virtual budget run to complete");

        // The service's activity source is one per process, so hosts of other test classes add their spans too:
        // this run's span is found by its id.
        bool IsThisRun(Activity a) => a.OperationName == "virtual budget run" && (a.GetTagItem("shortbreaks.run.id") as string) == runId.ToString();
        var spans = await Eventually.UntilAsync(() => Task.FromResult(SpansNow()), s => s.Any(IsThisRun), "the run's span");
        var search = spans.Where(a => a.Kind == ActivityKind.Server && (a.GetTagItem("http.route") as string) == "staff/search").ToList();
        search.ShouldNotBeEmpty();
        search.SelectMany(a => a.Tags).ShouldNotContain(t => t.Value != null && t.Value.Contains(last, StringComparison.OrdinalIgnoreCase));
        spans.Single(IsThisRun).GetTagItem("shortbreaks.outcome").ShouldBe("completed");
        spans.ShouldNotContain(a => a.DisplayName.StartsWith("GET /health", StringComparison.Ordinal));
        if (factory.Database.Provider == DatabaseProvider.PostgreSql)
        {
            var database = spans.Where(a => a.Source.Name == "Npgsql" && a.Kind == ActivityKind.Client).ToList();
            database.ShouldNotBeEmpty();
            database.SelectMany(a => a.Tags).ShouldNotContain(t => t.Value != null && t.Value.Contains(last, StringComparison.OrdinalIgnoreCase));
            spans.ShouldNotContain(a => a.Source.Name == EntityFrameworkSource, "PostgreSQL calls are traced once, by Npgsql");
        }
        else
        {
            // The search's own query, traced by EF Core as a child of the request, with its text but not the name searched for.
            var searchIds = search.Select(a => a.SpanId).ToHashSet();
            var database = spans.Where(a => a.Source.Name == EntityFrameworkSource && searchIds.Contains(a.ParentSpanId)).ToList();
            database.ShouldNotBeEmpty();
            database.ShouldAllBe(a => (a.GetTagItem("db.system") as string ?? a.GetTagItem("db.system.name") as string) == "sqlite");
            database.SelectMany(a => a.Tags).ShouldContain(t => t.Value != null && t.Value.Contains("SELECT", StringComparison.Ordinal));
            database.SelectMany(a => a.Tags).ShouldNotContain(t => t.Value != null && t.Value.Contains(last, StringComparison.OrdinalIgnoreCase));
        }

        // Flushing also tries the absent collector, so its answer is false; the in-memory reader is read regardless.
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush(5000);
        List<Metric> metrics;
        lock (factory.Metrics) metrics = [.. factory.Metrics];
        metrics.ShouldContain(m => m.Name == "http.server.request.duration");
        metrics.ShouldContain(m => m.Name == "shortbreaks.background.work");
    }

    private const string EntityFrameworkSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    private List<Activity> SpansNow()
    {
        lock (factory.Spans) return [.. factory.Spans];
    }

    [Fact]
    public void Telemetry_is_off_unless_an_exporter_is_set()
    {
        using var plain = new WebAppFactory();
        plain.Services.GetService<TracerProvider>().ShouldBeNull();
        plain.Services.GetService<MeterProvider>().ShouldBeNull();
        plain.Services.GetRequiredService<TelemetryOptions>().Enabled.ShouldBeFalse();
    }
}
