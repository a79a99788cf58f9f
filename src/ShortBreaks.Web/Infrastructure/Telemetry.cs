using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>The "Telemetry" configuration section. Nothing is collected unless an exporter is set.</summary>
public sealed class TelemetryOptions
{
    /// <summary>An OpenTelemetry collector to send traces and metrics to by OTLP (for example http://collector:4317).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Writes traces and metrics to the console: a way to see them with no collector.</summary>
    public bool Console { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint) || Console;
}

/// <summary>
/// What the service tells an operator about itself: OpenTelemetry traces and metrics for requests, database calls
/// (Npgsql's instrumentation on PostgreSQL, EF Core's on SQLite) and background work. Query text carries parameter
/// placeholders, never their values. Spans and metrics carry routes, ids and counts, never a name or any case detail (query
/// string values are redacted by the ASP.NET Core instrumentation).
/// </summary>
public static class Telemetry
{
    public const string Name = "ShortBreaks";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>EF Core's name for the PostgreSQL provider, whose calls Npgsql's instrumentation traces.</summary>
    public const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static readonly Meter Meter = new(Name);

    /// <summary>Background work done, by job ("virtual-budget-run") and outcome ("completed", "failed", "stopped").</summary>
    public static readonly Counter<long> BackgroundWork = Meter.CreateCounter<long>("shortbreaks.background.work", description: "Background work run, by job and outcome");

    /// <summary>How long each piece of background work took, in seconds.</summary>
    public static readonly Histogram<double> BackgroundDuration = Meter.CreateHistogram<double>("shortbreaks.background.duration", unit: "s", description: "How long background work took");

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        if (!options.Enabled) return;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Name, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddNpgsql()
                    .AddEntityFrameworkCoreInstrumentation(o =>
                    {
                        // PostgreSQL calls are traced by Npgsql's own instrumentation, with its richer attributes;
                        // EF Core's traces the rest (SQLite), so no call is traced twice.
                        // Parameter values are never recorded (the instrumentation leaves them out by default).
                        o.Filter = (provider, _) => provider != NpgsqlProvider;
                    });
                if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)) tracing.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
                if (options.Console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Name)
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Npgsql");
                if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
                if (options.Console) metrics.AddConsoleExporter();
            });
    }
}
