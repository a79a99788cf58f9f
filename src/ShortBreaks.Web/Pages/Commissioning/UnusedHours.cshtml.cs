using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.UnusedHours;

namespace ShortBreaks.Web.Pages.Commissioning;

/// <summary>Commissioning's unused-hours report: per provider and per child, with downloads. Officers decide about a child's hours.</summary>
public sealed class UnusedHoursModel(ShortBreaksDbContext db, UnusedHoursService service) : UnusedHoursReportPage(db, service)
{
    public override bool LinksToChildren => User.IsCaseStaff();

    public override string Link(UnusedHoursQuery query, string? handler = null) => Links.CommissioningUnusedHours(query, handler);
}
