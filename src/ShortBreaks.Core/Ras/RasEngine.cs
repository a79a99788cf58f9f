using System.Globalization;

namespace ShortBreaks.Core.Ras;

/// <summary>A child's RAS result: the points, the indicative annual amount, and where it sends the child.</summary>
public readonly record struct RasResult(
    string Version,
    string PhaseId,
    decimal TotalPoints,
    decimal Amount,
    RasBand? Band,
    RasRouting Routing);

public enum RasWorkingKind
{
    Answer,
    Deduction,
    DomainSubtotal,
    Total,
    Routing,
    Conversion,
    Rounding,
    Amount,
}

/// <summary>
/// One line of the working. <see cref="Points"/> is the line's own points: answers add, deductions take off
/// (negative), so the answer and deduction lines add up to the total.
/// </summary>
public sealed record RasWorkingLine(
    RasWorkingKind Kind,
    string Text,
    string? DomainId = null,
    string? QuestionId = null,
    decimal? Points = null,
    decimal? Amount = null);

/// <summary>The result with its full working, in plain English and as structured lines.</summary>
public sealed class RasWorking(RasResult result, IReadOnlyList<RasWorkingLine> lines)
{
    public RasResult Result { get; } = result;
    public IReadOnlyList<RasWorkingLine> Lines { get; } = lines;

    /// <summary>The working as sentences a family can read, one a line.</summary>
    public string Text => string.Join(Environment.NewLine, Lines.Select(l => l.Text));
}

/// <summary>
/// Scores RAS answers. Pure: the same answers and version always give the same figures. <see cref="Score(CompiledRasScheme, RasAnswerSheet)"/>
/// allocates nothing; <see cref="Explain(CompiledRasScheme, RasAnswerSheet)"/> runs the same calculation and writes down each step.
/// </summary>
public static class RasEngine
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static RasResult Score(CompiledRasScheme scheme, RasAnswerSheet answers) => Run(scheme, answers, null);

    public static RasResult Score(RasScheme scheme, RasAnswers answers)
    {
        var compiled = CompiledRasScheme.For(scheme);
        return Run(compiled, compiled.Prepare(answers), null);
    }

    public static RasWorking Explain(CompiledRasScheme scheme, RasAnswerSheet answers)
    {
        var lines = new List<RasWorkingLine>();
        var result = Run(scheme, answers, lines);
        return new RasWorking(result, lines);
    }

    public static RasWorking Explain(RasScheme scheme, RasAnswers answers)
    {
        var compiled = CompiledRasScheme.For(scheme);
        return Explain(compiled, compiled.Prepare(answers));
    }

    /// <summary>Rounds an amount to a multiple of the scheme's step.</summary>
    public static decimal Round(decimal amount, RasRounding rounding)
    {
        var steps = amount / rounding.To;
        steps = rounding.Mode switch
        {
            RasRoundingMode.ToEven => Math.Round(steps, MidpointRounding.ToEven),
            RasRoundingMode.AwayFromZero => Math.Round(steps, MidpointRounding.AwayFromZero),
            RasRoundingMode.Up => Math.Ceiling(steps),
            _ => Math.Floor(steps),
        };
        return steps * rounding.To;
    }

    // One calculation for both scoring and explaining, so the working's figures are the score's figures.
    private static RasResult Run(CompiledRasScheme scheme, RasAnswerSheet answers, List<RasWorkingLine>? lines)
    {
        if (!ReferenceEquals(answers.Scheme, scheme))
        {
            throw new ArgumentException($"These answers were prepared for RAS version {answers.Scheme.Version}, not {scheme.Version}.", nameof(answers));
        }

        var p = scheme.Phases[answers.Phase];
        var steps = answers.Steps;
        var support = answers.Support;
        var stepPoints = p.StepPoints;
        var stepOffset = p.StepOffset;
        var domainStart = p.DomainStart;
        var supportCount = p.SupportLevels.Count;
        var domainCount = p.DomainIds.Length;

        var total = 0m;
        for (var d = 0; d < domainCount; d++)
        {
            var raw = 0m;
            for (var q = domainStart[d]; q < domainStart[d + 1]; q++)
            {
                var points = stepPoints[stepOffset[q] + steps[q]];
                raw += points;
                if (lines is not null) AddAnswer(lines, p, d, q, steps[q], points);
            }

            var subtotal = raw;
            var kind = p.SupportKind[d];
            if (kind != SupportKind.None)
            {
                var reduction = p.Reduction[d * supportCount + support[d]];
                subtotal = kind == SupportKind.PointsOff ? raw - reduction : raw * (100 - reduction) / 100;
                if (subtotal < 0) subtotal = 0;
                if (lines is not null && reduction > 0) AddDeduction(lines, p, d, support[d], kind, reduction, raw - subtotal, raw);
            }

            total += subtotal;
            if (lines is not null)
            {
                var name = p.Phase.Questionnaire.Domains[d].Name;
                lines.Add(new RasWorkingLine(RasWorkingKind.DomainSubtotal, $"{name} comes to {Pts(subtotal)}.", p.DomainIds[d], Points: subtotal));
            }
        }

        lines?.Add(new RasWorkingLine(RasWorkingKind.Total, $"In all, the answers come to {Pts(total)}.", Points: total));

        var (routing, band, amount) = Convert(scheme, p, total, lines);

        if (lines is not null)
        {
            lines.Add(new RasWorkingLine(RasWorkingKind.Amount, routing == RasRouting.None
                ? $"Your child's indicative budget is {Money(amount)} a year. It is a starting point for the plan, not the final word."
                : "The questionnaire does not set a budget in money.", Amount: amount));
        }

        return new RasResult(scheme.Version, p.Phase.Id, total, amount, band, routing);
    }

    /// <summary>
    /// The money (or the route) for a total of points in a phase: for points worked out elsewhere, such as domain
    /// scores imported from last year's packages by a calibration. The same conversion as <see cref="Score(CompiledRasScheme, RasAnswerSheet)"/>.
    /// </summary>
    public static RasResult ScorePoints(CompiledRasScheme scheme, string phaseId, decimal totalPoints)
    {
        var index = Array.FindIndex(scheme.Phases, ph => ph.Phase.Id == phaseId);
        if (index < 0) throw new ArgumentException($"There is no phase '{phaseId}' in RAS version {scheme.Version}.", nameof(phaseId));
        var p = scheme.Phases[index];
        var (routing, band, amount) = Convert(scheme, p, totalPoints, null);
        return new RasResult(scheme.Version, p.Phase.Id, totalPoints, amount, band, routing);
    }

    private static (RasRouting Routing, RasBand? Band, decimal Amount) Convert(CompiledRasScheme scheme, CompiledRasPhase p, decimal total, List<RasWorkingLine>? lines)
    {
        var routing = RasRouting.None;
        RasBand? band = null;
        var amount = 0m;
        if (p.HasUniversalBelow && total < p.UniversalBelow)
        {
            routing = RasRouting.Universal;
            lines?.Add(new RasWorkingLine(RasWorkingKind.Routing,
                $"That is below {Pts(p.UniversalBelow)}, so universal and early help services are the right place to start, rather than a budget.", Points: total));
        }
        else if (p.HasSocialWorkAbove && total > p.SocialWorkAbove)
        {
            routing = RasRouting.SocialWorkAssessment;
            lines?.Add(new RasWorkingLine(RasWorkingKind.Routing,
                $"That is above {Pts(p.SocialWorkAbove)}, so a social worker will assess your child's needs with you, rather than the questionnaire setting a budget.", Points: total));
        }
        else if (p.IsBands)
        {
            var bandTo = p.BandTo;
            var i = 0;
            while (i < bandTo.Length - 1 && total >= bandTo[i]) i++;
            band = p.Bands[i];
            if (band.Routing is { } bandRouting && bandRouting != RasRouting.None)
            {
                routing = bandRouting;
                lines?.Add(new RasWorkingLine(RasWorkingKind.Routing, BandRoutingText(total, band, bandRouting), Points: total));
            }
            else
            {
                amount = band.Amount;
                lines?.Add(new RasWorkingLine(RasWorkingKind.Conversion,
                    $"{Pts(total)} is in the band \"{band.Name}\" ({Range(band, i == bandTo.Length - 1)}), which gives {Money(band.Amount)} a year" +
                    (band.Hours is { } h ? $" (about {h} hours of short breaks)" : "") + ".", Amount: amount));
            }
        }
        else if (total > p.Threshold)
        {
            var raw = (total - p.Threshold) * p.PricePerPoint;
            amount = raw < p.Floor ? p.Floor : raw > p.Cap ? p.Cap : raw;
            if (lines is not null)
            {
                var text = $"{Pts(total)} is {Pts(total - p.Threshold)} above the starting point of {P(p.Threshold)}; at {Money(p.PricePerPoint)} a point that is {Money(raw)} a year";
                text += raw < p.Floor ? $", raised to the least budget of {Money(p.Floor)}." : raw > p.Cap ? $", limited to the most the questionnaire gives, {Money(p.Cap)}." : ".";
                lines.Add(new RasWorkingLine(RasWorkingKind.Conversion, text, Amount: amount));
            }
        }
        else
        {
            lines?.Add(new RasWorkingLine(RasWorkingKind.Conversion,
                $"{Pts(total)} is not above the starting point of {P(p.Threshold)}, so the questionnaire gives no budget.", Amount: 0m));
        }

        if (amount != 0)
        {
            var rounded = Round(amount, scheme.Scheme.Rounding);
            if (lines is not null && rounded != amount)
            {
                lines.Add(new RasWorkingLine(RasWorkingKind.Rounding,
                    $"{Money(amount)} is rounded {RoundingWords(scheme.Scheme.Rounding)} to {Money(rounded)}.", Amount: rounded));
            }

            amount = rounded;
        }

        return (routing, band, amount);
    }

    private static void AddAnswer(List<RasWorkingLine> lines, CompiledRasPhase p, int d, int q, int step, decimal points)
    {
        var domain = p.Phase.Questionnaire.Domains[d];
        var question = p.Questions[q];
        lines.Add(new RasWorkingLine(RasWorkingKind.Answer,
            $"{domain.Name}, {question.Text}: {p.StepLabel(q, step)}, {Pts(points)}.", domain.Id, question.Id, Points: points));
    }

    private static void AddDeduction(List<RasWorkingLine> lines, CompiledRasPhase p, int d, int s, SupportKind kind, decimal reduction, decimal taken, decimal raw)
    {
        var domain = p.Phase.Questionnaire.Domains[d];
        var label = p.SupportLevels[s].Label;
        var text = kind == SupportKind.PointsOff
            ? $"{domain.Name}: {label} takes off {Pts(reduction)}"
            : $"{domain.Name}: {label} takes off {P(reduction)}% of {Pts(raw)}, that is {Pts(taken)}";
        if (kind == SupportKind.PointsOff && taken != reduction)
        {
            text += $", but a domain never goes below 0, so {Pts(taken)} come off";
        }

        lines.Add(new RasWorkingLine(RasWorkingKind.Deduction, text + ".", domain.Id, Points: -taken));
    }

    private static string BandRoutingText(decimal total, RasBand band, RasRouting routing) => routing == RasRouting.Universal
        ? $"{Pts(total)} is in the band \"{band.Name}\", so universal and early help services are the right place to start, rather than a budget."
        : $"{Pts(total)} is in the band \"{band.Name}\", so a social worker will assess your child's needs with you, rather than the questionnaire setting a budget.";

    private static string Range(RasBand band, bool last) =>
        last ? $"{P(band.From)} to {P(band.To)} points" : $"from {P(band.From)} points up to, but not including, {P(band.To)}";

    private static string RoundingWords(RasRounding r) => r.Mode switch
    {
        RasRoundingMode.Up => $"up to a multiple of {Money(r.To)}",
        RasRoundingMode.Down => $"down to a multiple of {Money(r.To)}",
        _ => $"to the nearest {Money(r.To)}",
    };

    private static string P(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Pts(decimal value) => value == 1 ? "1 point" : $"{P(value)} points";

    /// <summary>Money as a family reads it: "£1,234", or "£1,234.50" when there are pence.</summary>
    public static string Money(decimal value) =>
        "£" + (value == decimal.Truncate(value) ? value.ToString("#,0", EnGb) : value.ToString("#,0.00", EnGb));
}
