namespace ShortBreaks.Core.Schemes;

/// <summary>
/// The timescales of complaints and appeals, in working days (Monday to Friday less bank holidays, on UK dates). The
/// defaults are those of the statutory children's social care complaints procedure (the Children Act 1989
/// Representations Procedure (England) Regulations 2006): local resolution in 10 working days, extendable to 20; an
/// investigation in 25, extendable to 65; a review panel within 30 working days of the request, its report within 5 of
/// the panel and the council's response within 15 of the report; a complaint made more than a year after the matter
/// flagged. Optional in a scheme version: without it, <see cref="Defaults"/>.
/// </summary>
public sealed record ComplaintSettings
{
    public static readonly ComplaintSettings Defaults = new();

    /// <summary>Working days to answer at stage 1 (local resolution), from the day the complaint is received.</summary>
    public int LocalResolutionWorkingDays { get; init; } = 10;

    /// <summary>The latest stage 1 may be extended to, in working days from the day it started.</summary>
    public int LocalResolutionMaximumWorkingDays { get; init; } = 20;

    /// <summary>Working days for the stage 2 investigation, from the day the family asked for it.</summary>
    public int InvestigationWorkingDays { get; init; } = 25;

    /// <summary>The latest the investigation may be extended to, in working days from the day it started.</summary>
    public int InvestigationMaximumWorkingDays { get; init; } = 65;

    /// <summary>Working days from the family's request for a stage 3 review panel to the panel sitting.</summary>
    public int ReviewPanelWorkingDays { get; init; } = 30;

    /// <summary>Working days from the panel sitting to its report.</summary>
    public int ReviewPanelReportWorkingDays { get; init; } = 5;

    /// <summary>Working days from the panel's report to the council's response.</summary>
    public int CouncilResponseWorkingDays { get; init; } = 15;

    /// <summary>
    /// Working days for a manager or the panel to decide an appeal of a decision. The regulations set none for appeals;
    /// the default follows the stage 1 timescale's maximum, so an appeal is never slower than a complaint.
    /// </summary>
    public int AppealWorkingDays { get; init; } = 20;

    /// <summary>A complaint made more than this many months after the matter arose is flagged as late (the regulations' one year).</summary>
    public int LateAfterMonths { get; init; } = 12;
}
