var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Short breaks");
app.Run();

public partial class Program;
