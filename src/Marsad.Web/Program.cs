using Marsad.Web;

// `dotnet Marsad.Web.dll` or `marsad serve`: configuration comes from appsettings, MARSAD__* variables and
// --Marsad:Key=value arguments (see MarsadWebOptions).
var app = MarsadWebApp.Create(args);
app.Run();

/// <summary>The entry point, public so tests can start the app with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
