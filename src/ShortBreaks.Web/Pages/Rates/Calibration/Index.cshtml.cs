namespace ShortBreaks.Web.Pages.Rates.Calibration;

/// <summary>Every calibration run, newest first, with how well its rates fit and the draft made from it.</summary>
public sealed class IndexModel(CalibrationService calibrations) : GovukPageModel
{
    public override string Title => "Calibrations";

    public IReadOnlyList<CalibrationRun> Runs { get; private set; } = [];

    public async Task OnGetAsync() => Runs = await calibrations.ListAsync(HttpContext.RequestAborted);

    public static string MethodWords(string method) => method switch
    {
        CalibrationOptions.Bands => "bands",
        CalibrationOptions.PricePerPoint => "price per point",
        _ => "each phase's own method",
    };

    public static string RSquared(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "not measured";
}
