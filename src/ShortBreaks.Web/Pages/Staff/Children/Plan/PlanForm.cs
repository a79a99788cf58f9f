namespace ShortBreaks.Web.Pages.Staff.Children.Plan;

/// <summary>
/// The plan as typed on the edit page: every box a string, so what was typed comes back exactly when something
/// is wrong, and rows that can be added and removed.
/// </summary>
public sealed class PlanForm
{
    public const int MaxRows = PlanCosting.MaxLines;

    public string? WhatMattersToMe { get; set; }
    public string? HowBestToSupportMe { get; set; }
    public string? MyCommunication { get; set; }
    public string? StartDay { get; set; }
    public string? StartMonth { get; set; }
    public string? StartYear { get; set; }
    public string? EndDay { get; set; }
    public string? EndMonth { get; set; }
    public string? EndYear { get; set; }
    public List<OutcomeRow> Outcomes { get; set; } = [];
    public List<LineRow> Lines { get; set; } = [];
    public List<OnCostRow> OnCosts { get; set; } = [];

    // The rows are records so the form binds them through their constructors; every box may be left out.
    public sealed record OutcomeRow(string? What = null, string? Term = null, string? ByWhen = null, string? How = null);

    public sealed record LineRow(string? Description = null, string? Type = null, string? Quantity = null, string? Frequency = null,
        string? UnitCost = null, string? Route = null, string? RateName = null, string? ProvidedBy = null);

    public sealed record OnCostRow(string? Description = null, string? Monthly = null, string? Route = null);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static PlanForm From(PlanContent c) => new()
    {
        WhatMattersToMe = c.WhatMattersToMe,
        HowBestToSupportMe = c.HowBestToSupportMe,
        MyCommunication = c.MyCommunication,
        StartDay = c.PeriodStart?.Day.ToString(Invariant),
        StartMonth = c.PeriodStart?.Month.ToString(Invariant),
        StartYear = c.PeriodStart?.Year.ToString(Invariant),
        EndDay = c.PeriodEnd?.Day.ToString(Invariant),
        EndMonth = c.PeriodEnd?.Month.ToString(Invariant),
        EndYear = c.PeriodEnd?.Year.ToString(Invariant),
        Outcomes = c.Outcomes.Select(o => new OutcomeRow { What = o.What, Term = o.Term.ToString(), ByWhen = o.ByWhen?.ToString("d/M/yyyy", Invariant), How = o.HowWeWillKnow }).ToList(),
        Lines = c.Lines.Select(l => new LineRow
        {
            Description = l.Description, Type = l.Type.ToString(), Quantity = l.Quantity.ToString("0.##", Invariant), Frequency = l.Frequency.ToString(),
            UnitCost = l.UnitCost.ToString("0.00", Invariant), Route = l.Route.ToString(), RateName = l.RateName, ProvidedBy = l.ProvidedBy,
        }).ToList(),
        OnCosts = c.OnCosts.Select(o => new OnCostRow { Description = o.Description, Monthly = o.MonthlyAmount.ToString("0.00", Invariant), Route = o.Route.ToString() }).ToList(),
    };

    /// <summary>Reads the form into plan content, or the errors for each box that could not be read.</summary>
    public (PlanContent? Content, List<FieldError> Errors) Read()
    {
        var errors = new List<FieldError>();
        var start = ReadDate(errors, "start", "The date the plan starts", StartDay, StartMonth, StartYear);
        var end = ReadDate(errors, "end", "The date the plan ends", EndDay, EndMonth, EndYear);
        var outcomes = new List<OutcomeInput>();
        for (var i = 0; i < Outcomes.Count; i++)
        {
            var o = Outcomes[i];
            if (!Enum.TryParse<OutcomeTerm>(o.Term, out var term) || !Enum.IsDefined(term))
            {
                errors.Add(new($"outcome-{i}-term", $"Outcome {i + 1}: choose short, medium or long term"));
                continue;
            }

            DateOnly? by = null;
            if (!string.IsNullOrWhiteSpace(o.ByWhen))
            {
                if (DateOnly.TryParseExact(o.ByWhen.Trim(), ["d/M/yyyy", "d M yyyy", "yyyy-MM-dd"], Invariant, DateTimeStyles.None, out var d)) by = d;
                else errors.Add(new($"outcome-{i}-by", $"Outcome {i + 1}: enter the date like 31/3/2027, or leave it empty"));
            }

            outcomes.Add(new OutcomeInput(o.What, term, by, o.How));
        }

        var lines = new List<SupportLine>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var l = Lines[i];
            var n = i + 1;
            var ok = true;
            if (!Enum.TryParse<SupportType>(l.Type, out var type) || !Enum.IsDefined(type)) { errors.Add(new($"line-{i}-type", $"Line {n}: choose the kind of support")); ok = false; }
            if (!Enum.TryParse<SupportFrequency>(l.Frequency, out var frequency) || !Enum.IsDefined(frequency)) { errors.Add(new($"line-{i}-frequency", $"Line {n}: choose how often")); ok = false; }
            if (!Enum.TryParse<PaymentRoute>(l.Route, out var route) || !Enum.IsDefined(route)) { errors.Add(new($"line-{i}-route", $"Line {n}: choose how it is paid")); ok = false; }
            var quantity = Number(errors, $"line-{i}-quantity", l.Quantity, $"Line {n}: enter how many, like 3 or 2.5");
            var cost = Number(errors, $"line-{i}-cost", l.UnitCost, $"Line {n}: enter the cost of one, in pounds, like 12.50", money: true);
            if (ok && quantity is not null && cost is not null)
            {
                lines.Add(new SupportLine
                {
                    Description = l.Description?.Trim() ?? "", Type = type, Quantity = quantity.Value, Frequency = frequency, UnitCost = cost.Value, Route = route,
                    RateName = string.IsNullOrWhiteSpace(l.RateName) ? null : l.RateName.Trim(), ProvidedBy = string.IsNullOrWhiteSpace(l.ProvidedBy) ? null : l.ProvidedBy.Trim(),
                });
            }
        }

        var onCosts = new List<OnCost>();
        for (var i = 0; i < OnCosts.Count; i++)
        {
            var o = OnCosts[i];
            var monthly = Number(errors, $"oncost-{i}-monthly", o.Monthly, $"On-cost {i + 1}: enter the amount a month, in pounds", money: true);
            if (!Enum.TryParse<PaymentRoute>(o.Route, out var route) || !Enum.IsDefined(route)) errors.Add(new($"oncost-{i}-route", $"On-cost {i + 1}: choose how it is paid"));
            else if (monthly is not null) onCosts.Add(new OnCost { Description = o.Description?.Trim() ?? "", MonthlyAmount = monthly.Value, Route = route });
        }

        if (errors.Count > 0) return (null, errors);
        return (new PlanContent
        {
            WhatMattersToMe = WhatMattersToMe, HowBestToSupportMe = HowBestToSupportMe, MyCommunication = MyCommunication,
            PeriodStart = start, PeriodEnd = end, Outcomes = outcomes, Lines = lines, OnCosts = onCosts,
        }, errors);
    }

    /// <summary>Adds or removes a row when the person pressed one of the row buttons; true when it did.</summary>
    public bool ApplyRowAction(string? action, List<FieldError> errors)
    {
        switch (action)
        {
            case "add-outcome" when Outcomes.Count < PlanService.MaxOutcomes: Outcomes.Add(new OutcomeRow { Term = nameof(OutcomeTerm.Short) }); return true;
            case "add-line" when Lines.Count < MaxRows: Lines.Add(new LineRow()); return true;
            case "add-oncost" when OnCosts.Count < 20: OnCosts.Add(new OnCostRow { Route = nameof(PaymentRoute.DirectPayment) }); return true;
            case "add-outcome" or "add-line" or "add-oncost": errors.Add(new("", "There are already as many rows as a plan can have")); return true;
        }

        if (action is null) return false;
        var parts = action.Split('-');
        if (parts is ["remove", var what, var index] && int.TryParse(index, NumberStyles.None, Invariant, out var i))
        {
            switch (what)
            {
                case "outcome" when i < Outcomes.Count: Outcomes.RemoveAt(i); return true;
                case "line" when i < Lines.Count: Lines.RemoveAt(i); return true;
                case "oncost" when i < OnCosts.Count: OnCosts.RemoveAt(i); return true;
            }
        }

        return false;
    }

    private static DateOnly? ReadDate(List<FieldError> errors, string id, string label, string? day, string? month, string? year)
    {
        var reading = ShortBreaks.Web.Infrastructure.DateInput.Read(label, day, month, year);
        if (reading.Error is not null) errors.Add(new($"{id}-{reading.ErrorParts[0]}", reading.Error));
        return reading.Date;
    }

    private static decimal? Number(List<FieldError> errors, string field, string? text, string message, bool money = false)
    {
        if (money)
        {
            if (Core.Money.TryParse(text, out var pounds) && pounds >= 0) return pounds;
        }
        else if (decimal.TryParse(text?.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, Invariant, out var value))
        {
            return value;
        }

        errors.Add(new(field, message));
        return null;
    }
}
