namespace ShortBreaks.Core.Letters;

/// <summary>
/// The record of a review and its outcome as the family reads it in their account: when and how it was held, who came,
/// the child's voice, each outcome's progress with its evidence, what is working and what is not, what the budget
/// already buys, the outcome with its reasons and what happens next. Pure.
/// </summary>
public static class ReviewLetter
{
    public static (string Title, string BodyHtml) Compose(Scheme scheme, Child child, Review review, Tier tierBefore)
    {
        ArgumentNullException.ThrowIfNull(review.DecidedAt);
        ArgumentNullException.ThrowIfNull(review.Decision);
        var name = LetterHtml.Encode(child.FirstName);
        var letter = LetterHtml.Begin(review.DecidedAt.Value, "parent or carer");
        letter.P($"This is the record of {name}'s {LetterHtml.Encode(ReviewSchedules.Name(review.Kind).ToLowerInvariant())}, " +
                 $"held on {LetterHtml.Day(review.HeldOn!.Value)}{(review.Meeting is { } meeting ? $" ({LetterHtml.Encode(ReviewRules.Name(meeting).ToLowerInvariant())})" : "")}, and what was decided.");
        letter.Heading("Who attended");
        letter.Paragraphs(review.Attended ?? "");
        if (review.ChildViews is not null || review.FamilyViews is not null)
        {
            letter.Heading("The views you sent before the review");
            if (review.ChildViews is { } childViews)
            {
                letter.P($"<strong>{name}'s views</strong>");
                letter.Paragraphs(childViews);
            }

            if (review.FamilyViews is { } familyViews)
            {
                letter.P("<strong>Your views</strong>");
                letter.Paragraphs(familyViews);
            }
        }

        letter.Heading($"{child.FirstName}'s voice");
        letter.Paragraphs(review.ChildVoice ?? "");
        var progress = ReviewProgress.Read(review.ProgressJson);
        if (progress.Count > 0)
        {
            letter.Heading("How the outcomes in the plan are going");
            var list = new StringBuilder("<ul class=\"govuk-list govuk-list--bullet\">\n");
            foreach (var row in progress)
            {
                list.Append("<li><strong>").Append(LetterHtml.Encode(row.Outcome)).Append("</strong>: ")
                    .Append(LetterHtml.Encode(ReviewRules.Name(row.Progress).ToLowerInvariant())).Append(". ")
                    .Append(LetterHtml.Encode(row.Evidence)).Append("</li>\n");
            }

            letter.Raw(list.Append("</ul>\n").ToString());
        }

        letter.Heading("What is working");
        letter.Paragraphs(review.WhatIsWorking ?? "");
        letter.Heading("What is not working");
        letter.Paragraphs(review.WhatIsNotWorking ?? "");
        letter.Heading("What the current budget already buys");
        letter.Paragraphs(review.BudgetAlreadyBuys ?? "");
        letter.Heading($"Outcome: {ReviewRules.Name(review.Decision.Value)}");
        letter.Paragraphs(review.DecisionReasons ?? "");
        letter.P(LetterHtml.Encode(ReviewRules.WhatHappensNext(tierBefore, review.Decision.Value, review.NextReviewDue)));
        letter.P($"If you disagree with the outcome, you can ask us to look at it again by emailing {LetterHtml.Encode(scheme.Council.ContactEmail)} or calling " +
                 $"{LetterHtml.Encode(scheme.Council.ContactPhone)}. Please quote {LetterHtml.Encode(child.Reference)}.");
        letter.SignOff(review.DecidedByName ?? "", scheme.Council);
        return ($"{child.FirstName}'s review: the record and outcome", letter.ToString());
    }
}
