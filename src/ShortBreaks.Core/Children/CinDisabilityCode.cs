namespace ShortBreaks.Core.Children;

/// <summary>Children in Need census disability codes, recorded at source for statutory returns.</summary>
public enum CinDisabilityCode
{
    MOB,
    HAND,
    PC,
    INC,
    COMM,
    LD,
    HEAR,
    VIS,
    BEH,
    CON,
    AUT,
    DDA,
}

public static class CinDisabilityCodes
{
    /// <summary>The census meaning of each code, and the words a family sees.</summary>
    public static readonly IReadOnlyList<(CinDisabilityCode Code, string CensusName, string FamilyWords)> All =
    [
        (CinDisabilityCode.MOB, "Mobility", "Getting about, such as walking or using stairs"),
        (CinDisabilityCode.HAND, "Hand function", "Using their hands, such as holding a cup or a pen"),
        (CinDisabilityCode.PC, "Personal care", "Personal care, such as washing, dressing or eating"),
        (CinDisabilityCode.INC, "Incontinence", "Toileting or continence"),
        (CinDisabilityCode.COMM, "Communication", "Communicating, such as talking or understanding others"),
        (CinDisabilityCode.LD, "Learning", "Learning, understanding or concentrating"),
        (CinDisabilityCode.HEAR, "Hearing", "Hearing"),
        (CinDisabilityCode.VIS, "Vision", "Seeing"),
        (CinDisabilityCode.BEH, "Behaviour", "Behaviour"),
        (CinDisabilityCode.CON, "Consciousness", "Consciousness, such as seizures or blackouts"),
        (CinDisabilityCode.AUT, "Autism or Asperger syndrome", "Autism or Asperger syndrome (diagnosed)"),
        (CinDisabilityCode.DDA, "Other DDA", "Another disability or long-term condition"),
    ];

    public static string CensusName(CinDisabilityCode code) => All.First(c => c.Code == code).CensusName;

    public static string FamilyWords(CinDisabilityCode code) => All.First(c => c.Code == code).FamilyWords;

    public static string Format(IEnumerable<CinDisabilityCode> codes) => string.Join(",", codes.Distinct().Order());

    public static IReadOnlyList<CinDisabilityCode> Parse(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CinDisabilityCode>).ToList();
}
