var builder = WebApplication.CreateBuilder(args);

try
{
    builder.AddShortBreaks();
}
catch (Exception ex) when (ex is SchemeValidationException or ShortBreaks.Core.Ras.RasSchemeValidationException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("The service has not started. Correct the scheme files and start it again.");
    return 1;
}

var app = builder.Build();
app.UseShortBreaks();

try
{
    await app.PrepareAsync();
}
catch (SchemeValidationException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("The service has not started.");
    return 1;
}
catch (SingleNodeException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("The service has not started.");
    return 1;
}

await app.RunAsync();
return 0;

public partial class Program;
