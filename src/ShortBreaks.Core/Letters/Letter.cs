namespace ShortBreaks.Core.Letters;

/// <summary>A letter kept on the child's record exactly as it was sent.</summary>
public sealed class Letter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public Guid? RequestId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>The body as HTML, already encoded; rendered as it is.</summary>
    public string BodyHtml { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";

    /// <summary>Whether the family sees it in their account (never for a safeguarding referral).</summary>
    public bool VisibleToFamily { get; set; }
}

public static class LetterKinds
{
    public const string Decision = "decision";
    public const string NoticeOfChange = "notice-of-change";
    public const string PlanDecision = "plan-decision";
    public const string ReconsiderationDecision = "reconsideration-decision";

    /// <summary>A direct payment agreement as the family agreed it.</summary>
    public const string DirectPaymentAgreement = "direct-payment-agreement";
    public const string Recoupment = "recoupment";

    /// <summary>The record of a review and its outcome.</summary>
    public const string Review = "review";
    /// <summary>The answer to a stage of a complaint or to an appeal: read by staff only from the complaint, which decides who may.</summary>
    public const string ComplaintResponse = "complaint-response";
}
