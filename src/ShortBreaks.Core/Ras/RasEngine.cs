namespace ShortBreaks.Core.Ras;

/// <summary>A child's RAS result: the points, the indicative annual amount, and where it sends the child.</summary>
public readonly record struct RasResult(
    string Version,
    string PhaseId,
    decimal TotalPoints,
    decimal Amount,
    RasBand? Band,
    RasRouting Routing)
{
    /// <summary>The amount as hours of short breaks a year, where the version converts money to hours; otherwise null.</summary>
    public decimal? Hours { get; init; }

    /// <summary>The band gives its amount and asks for a social work assessment too: the family keeps the amount meanwhile.</summary>
    public bool FlaggedForAssessment { get; init; }

    /// <summary>Pounds taken off the amount for support already funded (never more than the amount).</summary>
    public decimal FundedSupportDeducted { get; init; }
}

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

    /// <summary>Support already funded taken off the amount.</summary>
    FundedSupport,

    /// <summary>The amount as hours at the version's hourly rate.</summary>
    Hours,

    /// <summary>The band also asks for a social work assessment, keeping its amount meanwhile.</summary>
    Assessment,
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

        var result = Convert(scheme, p, total, answers.Funded, lines);

        if (lines is not null)
        {
            var amount = Money.Format(result.Amount);
            lines.Add(new RasWorkingLine(RasWorkingKind.Amount, result.Routing != RasRouting.None
                ? "The questionnaire does not set a budget in money."
                : result.FlaggedForAssessment
                    ? $"Your child's indicative budget is {amount} a year, which you keep while a social worker assesses your child's needs with you. It is a starting point for the plan, not the final word."
                    : $"Your child's indicative budget is {amount} a year. It is a starting point for the plan, not the final word.", Amount: result.Amount));
        }

        return result;
    }

    /// <summary>
    /// The money (or the route) for a total of points in a phase: for points worked out elsewhere, such as domain
    /// scores imported from last year's packages by a calibration. The same conversion as <see cref="Score(CompiledRasScheme, RasAnswerSheet)"/>.
    /// </summary>
    public static RasResult ScorePoints(CompiledRasScheme scheme, string phaseId, decimal totalPoints)
    {
        var index = Array.FindIndex(scheme.Phases, ph => ph.Phase.Id == phaseId);
        if (index < 0) throw new ArgumentException($"There is no phase '{phaseId}' in RAS version {scheme.Version}.", nameof(phaseId));
        return Convert(scheme, scheme.Phases[index], totalPoints, null, null);
    }

    // Points to money, then support already funded off, then the rounding, then hours: each step written down when explaining.
    private static RasResult Convert(CompiledRasScheme scheme, CompiledRasPhase p, decimal total, decimal[]? funded, List<RasWorkingLine>? lines)
    {
        var routing = RasRouting.None;
        RasBand? band = null;
        var amount = 0m;
        var flagged = false;
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
                flagged = band.FlagForAssessment == true;
                if (lines is not null)
                {
                    lines.Add(new RasWorkingLine(RasWorkingKind.Conversion,
                        $"{Pts(total)} is in the band \"{band.Name}\" ({Range(band, i == bandTo.Length - 1, p.Inclusive, total)}), which gives {Money.Format(band.Amount)} a year" +
                        (band.Hours is { } h ? $" (about {h} hours of short breaks)" : "") + ".", Amount: amount));
                    if (flagged)
                    {
                        lines.Add(new RasWorkingLine(RasWorkingKind.Assessment,
                            $"The band \"{band.Name}\" also asks for a social work assessment: a social worker will assess your child's needs with you, and you keep this amount while that happens."));
                    }
                }
            }
        }
        else if (total > p.Threshold)
        {
            var raw = (total - p.Threshold) * p.PricePerPoint;
            amount = raw < p.Floor ? p.Floor : raw > p.Cap ? p.Cap : raw;
            if (lines is not null)
            {
                var text = $"{Pts(total)} is {Pts(total - p.Threshold)} above the starting point of {P(p.Threshold)}; at {Money.FormatExact(p.PricePerPoint)} a point that is {Money.FormatExact(raw)} a year";
                text += raw < p.Floor ? $", raised to the least budget of {Money.Format(p.Floor)}." : raw > p.Cap ? $", limited to the most the questionnaire gives, {Money.Format(p.Cap)}." : ".";
                lines.Add(new RasWorkingLine(RasWorkingKind.Conversion, text, Amount: amount));
            }
        }
        else
        {
            lines?.Add(new RasWorkingLine(RasWorkingKind.Conversion,
                $"{Pts(total)} is not above the starting point of {P(p.Threshold)}, so the questionnaire gives no budget.", Amount: 0m));
        }

        var deducted = 0m;
        if (routing == RasRouting.None && funded is not null)
        {
            for (var f = 0; f < funded.Length; f++)
            {
                if (funded[f] <= 0) continue;
                var item = p.Funded[f];
                var value = item.Unit == RasFundedSupportUnit.Hours ? Round(funded[f], item.HoursRounding!) * item.HourlyRate!.Value : funded[f];
                var taken = value < amount ? value : amount;
                amount -= taken;
                deducted += taken;
                if (lines is not null) AddFunded(lines, item, funded[f], value, taken, amount);
            }
        }

        if (amount != 0)
        {
            var rounded = Round(amount, scheme.Scheme.Rounding);
            lines?.Add(new RasWorkingLine(RasWorkingKind.Rounding, rounded != amount
                ? $"Before rounding the amount is {Money.FormatExact(amount)}; rounded {RoundingWords(scheme.Scheme.Rounding)} it is {Money.Format(rounded)}."
                : $"Before rounding the amount is {Money.FormatExact(amount)}; rounded {RoundingWords(scheme.Scheme.Rounding)} it stays {Money.Format(rounded)}.", Amount: rounded));
            amount = rounded;
        }

        decimal? hours = null;
        if (routing == RasRouting.None && p.HoursAt is { } at)
        {
            var exact = amount / at.HourlyRate;
            hours = Round(exact, at.Rounding);
            lines?.Add(new RasWorkingLine(RasWorkingKind.Hours,
                $"At {Money.Format(at.HourlyRate)} an hour, {Money.Format(amount)} a year is {Hrs(exact)}" +
                (hours != exact ? $", rounded {HoursRoundingWords(at.Rounding)}: {Hrs(hours.Value)} of short breaks a year." : " of short breaks a year."), Amount: amount));
        }

        return new RasResult(scheme.Version, p.Phase.Id, total, amount, band, routing)
        {
            Hours = hours,
            FlaggedForAssessment = flagged,
            FundedSupportDeducted = deducted,
        };
    }

    private static void AddFunded(List<RasWorkingLine> lines, RasFundedSupport item, decimal entered, decimal value, decimal taken, decimal left)
    {
        var text = item.Unit == RasFundedSupportUnit.Hours
            ? $"{Capital(item.Name)}: {Hrs(entered)} a year" +
              (value / item.HourlyRate!.Value != entered ? $", rounded {HoursRoundingWords(item.HoursRounding!)} to {Hrs(value / item.HourlyRate.Value)}" : "") +
              $", at {Money.Format(item.HourlyRate.Value)} an hour is {Money.FormatExact(value)}"
            : $"{Capital(item.Name)}: {Money.FormatExact(value)} a year";
        text += taken == value
            ? $", which comes off, leaving {Money.FormatExact(left)}."
            : $", but the amount never goes below £0, so {Money.FormatExact(taken)} comes off, leaving £0.";
        lines.Add(new RasWorkingLine(RasWorkingKind.FundedSupport, text, Amount: -taken));
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

    private static string Range(RasBand band, bool last, bool inclusive, decimal total)
    {
        if (!inclusive) return last ? $"{P(band.From)} to {P(band.To)} points" : $"from {P(band.From)} points up to, but not including, {P(band.To)}";
        var range = $"{P(band.From)} to {P(band.To)} points";
        return total > band.To && !last ? $"{range}; a total between {P(band.To)} and {P(band.To + 1)} counts in this band" : range;
    }

    private static string HoursRoundingWords(RasRounding r) => r.Mode switch
    {
        RasRoundingMode.Up => r.To == 1 ? "up to whole hours" : $"up to a multiple of {Hrs(r.To)}",
        RasRoundingMode.Down => r.To == 1 ? "down to whole hours" : $"down to a multiple of {Hrs(r.To)}",
        _ => r.To == 1 ? "to the nearest whole hour" : $"to the nearest multiple of {Hrs(r.To)}",
    };

    private static string Hrs(decimal value) => value == 1 ? "1 hour" : $"{P(value)} hours";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string RoundingWords(RasRounding r) => r.Mode switch
    {
        RasRoundingMode.Up => $"up to a multiple of {Money.Format(r.To)}",
        RasRoundingMode.Down => $"down to a multiple of {Money.Format(r.To)}",
        _ => $"to the nearest {Money.Format(r.To)}",
    };

    private static string P(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Pts(decimal value) => value == 1 ? "1 point" : $"{P(value)} points";
}
