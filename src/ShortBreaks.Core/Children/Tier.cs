namespace ShortBreaks.Core.Children;

/// <summary>The Pathway to Provision levels a child can be on in this service.</summary>
public enum Tier
{
    /// <summary>Known to the service but not receiving a short breaks offer (for example, signposted).</summary>
    None = 0,
    Universal = 1,
    FlexibleShortBreaks = 2,
    TargetedShortBreaks = 3,
    SocialCare = 4,
}

public static class Tiers
{
    public static string Name(Tier tier) => tier switch
    {
        Tier.None => "Not receiving short breaks",
        Tier.Universal => "Universal services",
        Tier.FlexibleShortBreaks => "Flexible Short Breaks",
        Tier.TargetedShortBreaks => "Targeted Short Breaks",
        Tier.SocialCare => "Specialist social care",
        _ => tier.ToString(),
    };
}
