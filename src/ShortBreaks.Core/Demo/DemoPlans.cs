namespace ShortBreaks.Core.Demo;

/// <summary>
/// Plans in the demo county, made through the real plan and panel services as the demo officer and manager
/// would: children on Targeted Short Breaks with a plan in force, and step ups from Flexible Short Breaks
/// agreed and waiting for the panel. Each plan in force buys sessions from an organisation on the framework, so its
/// provider line becomes a package to broker. Deterministic: the children are chosen by reference.
/// </summary>
internal static class DemoPlans
{
    public const int InForce = 12;
    public const int AwaitingPanel = 8;

    /// <param name="providerServices">Services a plan can buy from a provider: each plan in force buys one of them, so the child keeps a provider.</param>
    public static async Task<int> AddAsync(ShortBreaksDbContext db, DemoOptions options,
        IReadOnlyList<(Guid OrganisationId, string Name, Guid ServiceId, Providers.PriceUnit Unit)> providerServices, CancellationToken ct)
    {
        var schemes = new SchemeCatalog([options.Scheme]);
        var tiers = new TierService(db, schemes);
        var plans = new PlanService(db, schemes);
        var approvals = new PlanApprovalService(db, schemes, plans, tiers, new Messenger(db, schemes));
        var (actorId, actorName) = (db.Actor.UserId, db.Actor.Name);
        var officer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "officer@" + DemoCounty.EmailDomain, ct);
        var manager = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "manager@" + DemoCounty.EmailDomain, ct);
        var made = 0;
        var audit = db.AuditChanges;
        db.AuditChanges = false; // the load writes its own single audit entry
        try
        {
            var assessed = await (
                    from child in db.Children.AsNoTracking()
                    join a in db.RasAssessments.AsNoTracking() on child.Id equals a.ChildId
                    where a.Status == RasAssessmentStatus.Completed && a.Routing == RasRouting.None && (a.OverrideAmount ?? a.IndicativeAmount) >= 1800m
                          && (child.Tier == Tier.TargetedShortBreaks || child.Tier == Tier.FlexibleShortBreaks)
                    orderby child.Reference
                    select new { child.Id, child.Tier, AssessmentId = a.Id, Amount = (a.OverrideAmount ?? a.IndicativeAmount)!.Value })
                .ToListAsync(ct);
            var seen = new HashSet<Guid>();
            var targeted = assessed.Where(a => a.Tier == Tier.TargetedShortBreaks && seen.Add(a.Id)).Take(InForce).ToList();
            var stepUps = assessed.Where(a => a.Tier == Tier.FlexibleShortBreaks && seen.Add(a.Id)).Take(AwaitingPanel).ToList();

            foreach (var (child, i) in targeted.Select((c, i) => (c, i)))
            {
                var bought = providerServices.Count == 0 ? ((Guid, string, decimal)?)null
                    : await BoughtAsync(db, providerServices[i * 5 % providerServices.Count], options.Today, ct);
                if (await StartAgreedAsync(child.Id, PlanPurpose.Targeted, child.AssessmentId, child.Amount, i, bought) is not { } agreed) continue;
                As(db, manager?.Id, manager?.DisplayName ?? "Demo manager");
                await approvals.ManagerDecideAsync(agreed.VersionId, true, "Meets the outcomes within the indicative budget.", await VersionOf(db, agreed.PlanId, ct), ct);
                db.ChangeTracker.Clear();
                made++;
            }

            foreach (var (child, i) in stepUps.Select((c, i) => (c, i)))
            {
                if (await StartAgreedAsync(child.Id, PlanPurpose.StepUp, child.AssessmentId, child.Amount, i, null) is null) continue;
                db.ChangeTracker.Clear();
                made++;
            }
        }
        finally
        {
            (db.Actor.UserId, db.Actor.Name) = (actorId, actorName);
            db.AuditChanges = audit;
        }

        return made;

        // The officer starts the plan and it is agreed by the family and the officer; null where the service would not start it.
        async Task<(Guid VersionId, Guid PlanId)?> StartAgreedAsync(Guid childId, PlanPurpose purpose, Guid assessmentId, decimal amount, int i,
            (Guid OrganisationId, string Name, decimal Price)? bought)
        {
            As(db, officer?.Id, officer?.DisplayName ?? "Demo officer");
            var (plan, result) = await plans.StartAsync(childId, purpose, assessmentId, Content(options.Today, amount, i, bought), ct);
            if (!result.Succeeded) return null;
            var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan!.Id, ct);
            await approvals.AgreeAsync(version.Id, asFamily: true, await VersionOf(db, plan!.Id, ct), ct);
            await approvals.AgreeAsync(version.Id, asFamily: false, await VersionOf(db, plan.Id, ct), ct);
            return (version.Id, plan.Id);
        }
    }

    private static void As(ShortBreaksDbContext db, string? userId, string name) => (db.Actor.UserId, db.Actor.Name) = (userId, name);

    private static Task<long> VersionOf(ShortBreaksDbContext db, Guid planId, CancellationToken ct) =>
        db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync(ct);

    private static readonly string[] Activities = ["Swimming with a friend", "A Saturday drama club", "Cooking a meal at home", "Riding a bike in the park"];

    // The organisation and its price today for a service a plan buys.
    private static async Task<(Guid, string, decimal)> BoughtAsync(ShortBreaksDbContext db, (Guid OrganisationId, string Name, Guid ServiceId, Providers.PriceUnit Unit) service,
        DateOnly today, CancellationToken ct)
    {
        var prices = await db.Set<Providers.ServicePrice>().AsNoTracking().Where(p => p.ServiceId == service.ServiceId).ToListAsync(ct);
        return (service.OrganisationId, service.Name, Providers.ServicePrices.InForce(prices, today)?.Amount ?? 30m);
    }

    /// <summary>
    /// A plan spending about nine tenths of the budget: two sessions a month from a provider on the framework when one is
    /// given (the rest on a personal assistant), with payroll and one trip.
    /// </summary>
    private static PlanContent Content(DateOnly today, decimal budget, int i, (Guid OrganisationId, string Name, decimal Price)? bought)
    {
        var provider = bought is { } b ? b.Price * 2 * 12 : 0m;
        var hours = Math.Max(1m, decimal.Floor((budget * 0.85m - provider) / 52m / 12.5m * 2m) / 2m);
        SupportLine[] fromProvider = bought is { } p
            ? [new SupportLine
            {
                Description = "Sessions at a club", Type = SupportType.Activity, Quantity = 2, Frequency = SupportFrequency.PerMonth, UnitCost = p.Price,
                Route = PaymentRoute.CommissionedFromProvider, ProviderId = p.OrganisationId, ProvidedBy = p.Name,
            }]
            : [];
        return new PlanContent
        {
            WhatMattersToMe = "Being with my friends, music, and being outside.",
            HowBestToSupportMe = "Tell me what is happening next. Give me time to answer.",
            MyCommunication = "I use some words, signs and pictures.",
            PeriodStart = today,
            PeriodEnd = today.AddYears(1).AddDays(-1),
            Outcomes =
            [
                new OutcomeInput(Activities[i % Activities.Length], OutcomeTerm.Short, today.AddMonths(3), "It happens most weeks and I enjoy it"),
                new OutcomeInput("Stay overnight with family friends", OutcomeTerm.Medium, today.AddMonths(9), "A first night away has gone well"),
            ],
            Lines =
            [
                new SupportLine { Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Quantity = hours, Frequency = SupportFrequency.PerWeek, UnitCost = 12.50m, Route = PaymentRoute.DirectPayment, RateName = "weekday" },
                new SupportLine { Description = "Day trip with a personal assistant", Type = SupportType.Trip, Quantity = 1, Frequency = SupportFrequency.Once, UnitCost = 60m, Route = PaymentRoute.DirectPayment },
                .. fromProvider,
            ],
            OnCosts = [new OnCost { Description = "Payroll service", MonthlyAmount = 8m, Route = PaymentRoute.DirectPayment }],
        };
    }
}
