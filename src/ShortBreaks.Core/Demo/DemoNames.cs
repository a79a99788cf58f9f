namespace ShortBreaks.Core.Demo;

/// <summary>
/// The made-up people, places and services of the demo county. Names are drawn and combined at random,
/// so no record describes a real person; towns and the "DC" postcode area do not exist.
/// </summary>
internal static class DemoNames
{
    /// <summary>The staff teams of the demo county, one per team manager (as many as there are managers, up to these).</summary>
    public static readonly IReadOnlyList<string> Teams = ["North", "South", "East", "West", "Central", "Transitions", "Riverside", "Uplands"];

    public static readonly IReadOnlyList<string> FirstNames =
    [
        "Aaliyah", "Adam", "Aisha", "Alfie", "Amelia", "Archie", "Arlo", "Aryan", "Ava", "Ayaan",
        "Bella", "Billy", "Caleb", "Charlie", "Chloe", "Daisy", "Daniel", "Dylan", "Eden", "Eliza",
        "Ella", "Elsie", "Emily", "Ethan", "Evie", "Ezra", "Finley", "Florence", "Freddie", "Freya",
        "George", "Grace", "Hamza", "Harper", "Harry", "Harvey", "Hugo", "Ibrahim", "Isaac", "Isla",
        "Ivy", "Jack", "Jacob", "Jayden", "Joshua", "Jude", "Kai", "Layla", "Leo", "Lily",
        "Logan", "Louie", "Lucas", "Luna", "Maisie", "Maryam", "Mason", "Maya", "Mia", "Millie",
        "Mohammed", "Muhammad", "Nathan", "Noah", "Nyla", "Olivia", "Oliver", "Oscar", "Phoebe", "Poppy",
        "Reuben", "Riley", "Rosie", "Rory", "Ruby", "Sienna", "Sofia", "Sophie", "Stanley", "Teddy",
        "Theo", "Thomas", "Tobias", "Toby", "Tommy", "Willow", "Yusuf", "Zain", "Zara", "Zoe",
    ];

    public static readonly IReadOnlyList<string> AdultFirstNames =
    [
        "Abigail", "Amanda", "Andrew", "Anita", "Ben", "Carla", "Chris", "Claire", "Daniel", "Dawn",
        "Emma", "Farah", "Gemma", "Hannah", "Helen", "Imran", "Jade", "James", "Jenny", "Joanne",
        "Kate", "Kelly", "Kerry", "Lauren", "Leanne", "Lisa", "Marcus", "Mark", "Michelle", "Nadia",
        "Natalie", "Nicola", "Paul", "Priya", "Rachel", "Rebecca", "Sam", "Sarah", "Shanice", "Stacey",
        "Steven", "Tariq", "Tom", "Tracey", "Victoria", "Wayne", "Yasmin", "Zoe",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Adams", "Ahmed", "Ali", "Allen", "Andrews", "Armstrong", "Atkinson", "Bailey", "Baker", "Barnes",
        "Begum", "Bell", "Bennett", "Brooks", "Brown", "Butler", "Campbell", "Carter", "Chapman", "Clarke",
        "Coleman", "Collins", "Cooper", "Cox", "Davies", "Dawson", "Dixon", "Doherty", "Edwards", "Ellis",
        "Evans", "Fisher", "Fletcher", "Foster", "Gibson", "Graham", "Grant", "Gray", "Green", "Hall",
        "Harris", "Hart", "Hassan", "Hill", "Holmes", "Hughes", "Hunt", "Hussain", "Jackson", "James",
        "Jenkins", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Knight", "Lee", "Lewis",
        "Lloyd", "Marshall", "Mason", "Matthews", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy",
        "Murray", "Nowak", "O'Brien", "Owen", "Palmer", "Parker", "Patel", "Pearson", "Phillips", "Powell",
        "Price", "Rahman", "Reid", "Richards", "Roberts", "Robinson", "Rose", "Russell", "Shaw", "Singh",
        "Smith", "Stevens", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "Webb",
        "White", "Wilkinson", "Williams", "Wilson", "Wood", "Wright", "Young",
    ];

    /// <summary>A town of the county, the postcode districts it covers and how many people live there (as a weight).</summary>
    public sealed record Town(string Name, IReadOnlyList<int> Districts, int Weight);

    public static readonly IReadOnlyList<Town> Towns =
    [
        new("Ashcombe Vale", [1, 2, 3], 18),
        new("Brindlemoor", [4, 5], 14),
        new("Cottersby", [6], 8),
        new("Dunhallow", [7, 8], 11),
        new("Elderwick", [9], 7),
        new("Fennick Green", [10], 6),
        new("Gorsebrook", [11, 12], 10),
        new("Hartsmere", [13, 14], 12),
        new("Kettlewold", [15], 6),
        new("Lowmarsh", [16], 8),
    ];

    public static readonly IReadOnlyList<(Town Town, int Weight)> TownsByWeight = Towns.Select(t => (t, t.Weight)).ToList();

    public static readonly IReadOnlyList<string> Streets =
    [
        "Acorn", "Alder", "Beech", "Birch", "Bramble", "Brook", "Castle", "Chapel", "Cherry", "Church",
        "Clover", "Coppice", "Elm", "Fern", "Field", "Foxglove", "Garden", "Hawthorn", "Hazel", "Heather",
        "High", "Holly", "Kiln", "Larch", "Lime", "Maple", "Meadow", "Mill", "Oak", "Orchard",
        "Park", "Poplar", "Priory", "Rowan", "School", "Spring", "Station", "Sycamore", "Thistle", "Victoria",
        "Willow", "Wren",
    ];

    public static readonly IReadOnlyList<string> StreetKinds =
        ["Road", "Street", "Lane", "Close", "Avenue", "Way", "Drive", "Crescent", "Gardens", "Grove"];

    public static readonly IReadOnlyList<string> Estates =
        ["Meadow View", "The Paddocks", "Kingfisher Court", "Orchard Rise", "Flat 2", "Flat 5", "Flat 11", "Mill House"];

    /// <summary>Postcode inward letters, as Royal Mail uses them (no C, I, K, M, O, V).</summary>
    public const string PostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public static readonly IReadOnlyList<string> SpecialSchools =
        ["Oakwood School", "Brindlemoor Park Special School", "The Lantern School", "Hartsmere Willows Academy"];

    public static readonly IReadOnlyList<(string Item, int Weight)> Relationships =
        [("Mother", 56), ("Father", 24), ("Grandparent", 8), ("Foster carer", 6), ("Special guardian", 4), ("Step-parent", 2)];

    public static readonly IReadOnlyList<(CinDisabilityCode Item, int Weight)> DisabilityCodes =
    [
        (CinDisabilityCode.AUT, 30), (CinDisabilityCode.LD, 22), (CinDisabilityCode.COMM, 16),
        (CinDisabilityCode.BEH, 12), (CinDisabilityCode.MOB, 8), (CinDisabilityCode.PC, 7),
        (CinDisabilityCode.CON, 5), (CinDisabilityCode.INC, 5), (CinDisabilityCode.HAND, 3),
        (CinDisabilityCode.HEAR, 3), (CinDisabilityCode.VIS, 3), (CinDisabilityCode.DDA, 6),
    ];

    /// <summary>A sentence a family might write about each kind of need; "{0}" is the child's first name.</summary>
    public static string NeedSentence(CinDisabilityCode code) => code switch
    {
        CinDisabilityCode.MOB => "{0} uses a wheelchair outside the house and needs lifting in and out of the car.",
        CinDisabilityCode.HAND => "{0} cannot hold a cup or a spoon without help.",
        CinDisabilityCode.PC => "{0} needs help to wash, dress and eat every day.",
        CinDisabilityCode.INC => "{0} is not toilet trained and needs changing several times a day.",
        CinDisabilityCode.COMM => "{0} has very few words and gets upset when we cannot understand.",
        CinDisabilityCode.LD => "{0} needs someone with them all the time to stay safe.",
        CinDisabilityCode.HEAR => "{0} is deaf and uses signs; most clubs have nobody who can sign.",
        CinDisabilityCode.VIS => "{0} has very little sight and needs an adult close by in new places.",
        CinDisabilityCode.BEH => "{0} can lash out when anxious and needs two adults on any outing.",
        CinDisabilityCode.CON => "{0} has seizures most weeks and needs rescue medication.",
        CinDisabilityCode.AUT => "{0} is autistic and finds any change to routine very hard.",
        _ => "{0} has a long-term condition that means a lot of hospital appointments.",
    };

    public static readonly IReadOnlyList<string> FamilySentences =
    [
        "We have not had a night's sleep in months.",
        "We would like {0} to go to a holiday club like other children.",
        "As a single parent I have no break at all.",
        "{0}'s brother and sister miss out on days out because of this.",
        "I work part time and struggle in the school holidays.",
        "Grandparents used to help but cannot manage now.",
        "We need a few hours a week to keep going as a family.",
    ];

    public static readonly IReadOnlyList<(string Name, string Services)> Providers =
    [
        ("Riverside Play Scheme", "activities,holiday-scheme"),
        ("Oakfield Short Breaks Centre", "overnight,day-care"),
        ("Brightwater Youth Club", "youth-club,activities"),
        ("Sunflower Sitting Service", "sitting"),
        ("Meadowbank Holiday Club", "holiday-scheme"),
        ("Kestrel Adventure Sports", "sport,activities"),
        ("Little Acorns After-School Club", "after-school"),
        ("Harbour House Overnights", "overnight"),
        ("Willow Tree Family Support", "sitting,day-care"),
        ("Pathfinders Saturday Club", "activities"),
        ("Starlight Sensory Centre", "activities,day-care"),
        ("Moorland Riding Group", "sport"),
        ("Hillside Splash Swim School", "sport"),
        ("Blue Door Music Makers", "activities"),
        ("Greenway Community Care", "sitting,personal-care"),
        ("Cedar Lodge Respite", "overnight"),
        ("Foxglove Forest School", "activities,holiday-scheme"),
        ("Lighthouse Teen Hub", "youth-club"),
        ("Rainbow Play and Stay", "day-care,after-school"),
        ("Compass Support Workers", "sitting,personal-care"),
        ("Ashcombe Vale Cycling Club", "sport"),
        ("Tidewater Drama Group", "activities"),
    ];
}
