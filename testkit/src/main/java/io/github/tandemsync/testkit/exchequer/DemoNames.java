package io.github.tandemsync.testkit.exchequer;

import java.util.List;
import java.util.Random;

/**
 * Word pools for the demo company: invented UK trade names, real towns with their postcode areas,
 * and telephone numbers from the ranges Ofcom (and its French, German, Irish and US peers)
 * reserve for fiction, so no generated number rings anyone.
 */
final class DemoNames {
  static final List<String> NAME_WORDS = List.of(
      "Abbey", "Apex", "Ashford", "Beacon", "Bramley", "Brunswick", "Castle", "Cedar", "Chiltern", "Clyde", "Crown",
      "Dale", "Derwent", "Eden", "Elmfield", "Fenwick", "Forge", "Garside", "Granite", "Hadley", "Harrow", "Heron",
      "Holbeck", "Ingram", "Jubilee", "Kestrel", "Keswick", "Lambert", "Linden", "Lomond", "Marsh", "Meridian",
      "Moorland", "Northgate", "Oakwood", "Orchard", "Pennine", "Phoenix", "Quarry", "Ravensworth", "Ribble",
      "Rowan", "Severn", "Sterling", "Summit", "Thornbury", "Trent", "Tyne", "Union", "Vale", "Wharfe", "Whitby",
      "Windsor", "Yardley");

  static final List<String> TRADES = List.of(
      "Engineering", "Building Supplies", "Plumbing", "Electrical", "Joinery", "Facilities", "Construction",
      "Maintenance", "Fabrications", "Property Services", "Plant Hire", "Roofing", "Heating", "Shopfitters",
      "Developments", "Contractors", "Mechanical", "Interiors", "Groundworks", "Logistics");

  static final List<String> SUFFIXES = List.of(
      "Ltd", "Ltd", "Ltd", "Ltd", "Ltd", "Limited", "plc", "& Sons Ltd", "LLP", "Group Ltd", "(UK) Ltd");

  /** UK town, county, postcode area, highest district, fictional phone prefix. */
  record Town(String name, String county, String area, int districts, String phonePrefix) {}

  static final List<Town> UK_TOWNS = List.of(
      new Town("Leeds", "West Yorkshire", "LS", 28, "0113 496 0"),
      new Town("Sheffield", "South Yorkshire", "S", 36, "0114 496 0"),
      new Town("Manchester", "Greater Manchester", "M", 40, "0161 496 0"),
      new Town("Birmingham", "West Midlands", "B", 45, "0121 496 0"),
      new Town("Bristol", "Avon", "BS", 16, "0117 496 0"),
      new Town("Nottingham", "Nottinghamshire", "NG", 16, "0115 496 0"),
      new Town("Newcastle upon Tyne", "Tyne and Wear", "NE", 15, "0191 498 0"),
      new Town("Glasgow", "Lanarkshire", "G", 53, "0141 496 0"),
      new Town("Edinburgh", "Midlothian", "EH", 17, "0131 496 0"),
      new Town("Cardiff", "South Glamorgan", "CF", 24, "029 2018 0"),
      new Town("Liverpool", "Merseyside", "L", 37, "0151 496 0"),
      new Town("Reading", "Berkshire", "RG", 31, "0118 496 0"),
      new Town("London", "", "SE", 28, "020 7946 0"),
      new Town("Norwich", "Norfolk", "NR", 14, "01632 960 "),
      new Town("York", "North Yorkshire", "YO", 32, "01632 960 "),
      new Town("Derby", "Derbyshire", "DE", 24, "01632 960 "),
      new Town("Belfast", "County Antrim", "BT", 17, "028 9018 0"));

  static final List<String> LOCALITIES = List.of(
      "", "", "", "Hunslet", "Riverside", "Canal Side", "Kirkstall", "Trafford Park", "Aston", "Meadowhall",
      "Team Valley", "Hillington", "Temple Fields", "Castle Donington", "Business Park");

  static final List<String> STREETS = List.of(
      "Station Road", "High Street", "Mill Lane", "Victoria Street", "Church Road", "Park Lane", "Albert Road",
      "Queen Street", "Canal Street", "Wellington Road", "Commercial Road", "Foundry Lane", "Dock Street",
      "Prospect Way", "Enterprise Way", "Brunel Road");

  static final List<String> ESTATES = List.of(
      "Riverside Industrial Estate", "Northfield Trading Estate", "Parkway Business Centre", "Lowfields Business Park",
      "Airedale Enterprise Park", "Westgate Industrial Estate");

  static final List<String> MALE = List.of(
      "John", "David", "Michael", "Paul", "Andrew", "Mark", "James", "Richard", "Stephen", "Peter", "Ian", "Gary",
      "Craig", "Daniel", "Thomas", "Robert");
  static final List<String> FEMALE = List.of(
      "Sarah", "Claire", "Emma", "Helen", "Karen", "Julie", "Rachel", "Louise", "Nicola", "Joanne", "Amanda",
      "Rebecca", "Laura", "Gillian");
  static final List<String> SURNAMES = List.of(
      "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Johnson", "Walker", "Wright",
      "Robinson", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke", "Jackson", "Turner",
      "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Baker", "O'Brien", "McDonald", "Ap Rhys",
      "Fitzgerald-Hart");
  static final List<String> JOB_TITLES = List.of(
      "Purchasing Manager", "Accounts Payable", "Site Manager", "Operations Director", "Buyer", "Office Manager",
      "Financial Controller", "Contracts Manager");

  /** Fixed overseas customers: name, street, locality, town, region, postcode, country, phone prefix, currency. */
  record Overseas(String name, String street, String locality, String town, String region, String postCode,
      String country, String phonePrefix, int currency, String contact) {}

  static final List<Overseas> OVERSEAS = List.of(
      new Overseas("Liffey Building Supplies Ltd", "14 North Wall Quay", "", "Dublin 1", "Co. Dublin", "D01 K8N4",
          "IE", "+353 20 910 ", 2, "Mr Sean Murphy"),
      new Overseas("Corrib Construction Ltd", "Unit 3 Ballybrit Business Park", "", "Galway", "Co. Galway",
          "H91 F2X7", "IE", "+353 20 910 ", 2, "Ms Aoife Kelly"),
      new Overseas("Lyon Bâtiment SARL", "27 rue de Marseille", "", "Lyon", "Rhône", "69007", "FR", "+33 1 99 00 ", 2,
          "M. Pierre Durand"),
      new Overseas("Outillage Marchal SA", "5 avenue de l'Europe", "ZI Nord", "Lille", "Nord", "59000", "FR",
          "+33 1 99 00 ", 2, "Mme Sophie Lefèvre"),
      new Overseas("Hansa Bautechnik GmbH", "Große Elbstraße 145", "", "Hamburg", "", "22767", "DE", "+49 30 23125 ",
          2, "Herr Klaus Becker"),
      new Overseas("Müller Haustechnik GmbH", "Landsberger Straße 88", "", "München", "Bayern", "80339", "DE",
          "+49 30 23125 ", 2, "Frau Anna Müller"),
      new Overseas("Boston Fastener Supply Inc", "200 Summer Street", "Suite 410", "Boston", "MA", "02210", "US",
          "+1 617 555 01", 3, "Mr Brian O'Connor"),
      new Overseas("Great Lakes Tool Co", "1550 W Fulton Street", "", "Chicago", "IL", "60607", "US", "+1 312 555 01",
          3, "Ms Jennifer Lopez-Hart"));

  /** Suppliers: name, town index (UK) or overseas data, currency. */
  record Supplier(String code, String name, String street, String town, String county, String postCode,
      String country, String phone, int currency) {}

  static final List<Supplier> SUPPLIERS = List.of(
      new Supplier("KIFI01", "Kingfisher Fixings Ltd", "Unit 9 Tinsley Industrial Park", "Sheffield", "South Yorkshire",
          "S9 1TD", "GB", "0114 496 0417", 1),
      new Supplier("HAST01", "Hallam Steel Tools Ltd", "88 Penistone Road", "Sheffield", "South Yorkshire", "S6 2FN",
          "GB", "0114 496 0921", 1),
      new Supplier("ATPO01", "Atlantic Power Tool Corp", "4100 Commerce Drive", "Charlotte", "NC", "28273", "US",
          "+1 704 555 0142", 3),
      new Supplier("RHWE01", "Rheinwerk Werkzeuge GmbH", "Hafenstraße 21", "Köln", "NRW", "50670", "DE",
          "+49 30 23125 610", 2),
      new Supplier("SAFE01", "Safeguard PPE Ltd", "2 Gateway Park", "Derby", "Derbyshire", "DE24 8UP", "GB",
          "01632 960 377", 1),
      new Supplier("BRCA01", "British Cables Wholesale Ltd", "Cable Works, Dock Road", "Liverpool", "Merseyside",
          "L20 8DY", "GB", "0151 496 0288", 1),
      new Supplier("NOPL01", "Northern Plumbing Merchants Ltd", "Foundry Lane", "Leeds", "West Yorkshire", "LS11 5QP",
          "GB", "0113 496 0734", 1),
      new Supplier("LUMI01", "Lumiere Lighting Ltd", "45 Enterprise Way", "Birmingham", "West Midlands", "B7 4BS",
          "GB", "0121 496 0193", 1),
      new Supplier("TRAN01", "Transpennine Haulage Ltd", "Junction 27 Depot", "Leeds", "West Yorkshire", "LS27 0BN",
          "GB", "0113 496 0550", 1),
      new Supplier("WOWE01", "Workwear Direct Ltd", "7 Mill Lane", "Manchester", "Greater Manchester", "M12 6JH",
          "GB", "0161 496 0802", 1),
      new Supplier("OFFI01", "Office Essentials Ltd", "19 High Street", "Reading", "Berkshire", "RG1 2BH", "GB",
          "0118 496 0611", 1),
      new Supplier("UTIL01", "Yorkshire Energy Services Ltd", "1 Wellington Road", "Leeds", "West Yorkshire", "LS12 1DR",
          "GB", "0113 496 0999", 1));

  private DemoNames() {}

  static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** A plausible postcode for a UK town, e.g. {@code LS12 6HT} (no C, I, K, M, O, V in the inward letters). */
  static String postCode(Random random, Town town) {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    int district = 1 + random.nextInt(town.districts());
    return town.area() + district + " " + random.nextInt(10) + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()));
  }

  static String phone(Random random, String prefix) {
    int digits = prefix.endsWith("01") ? 2 : prefix.endsWith("0") ? 3 : 3;
    return prefix + String.format("%0" + digits + "d", random.nextInt((int) Math.pow(10, digits)));
  }

  /** "Mr John Smith" style contact, sometimes without a title, a department name, or blank. */
  static String contact(Random random) {
    int roll = random.nextInt(100);
    boolean female = random.nextBoolean();
    String first = pick(random, female ? FEMALE : MALE);
    String last = pick(random, SURNAMES);
    if (roll < 70) {
      String title = female ? pick(random, List.of("Mrs", "Ms", "Miss", "Mrs", "Ms")) : "Mr";
      if (random.nextInt(20) == 0) {
        title = "Dr";
      }
      return fit(title + " " + first + " " + last, 25);
    }
    if (roll < 85) {
      return fit(first + " " + last, 25);
    }
    if (roll < 95) {
      return pick(random, List.of("Accounts Dept", "Purchase Ledger", "Site Office", "The Buyer"));
    }
    return "";
  }

  static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** The letters of a name, lower case, for e-mail domains. */
  static String slug(String name) {
    String letters = name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\b(ltd|limited|plc|llp|group|uk|sons)\\b", "")
        .replaceAll("[^a-z]", "");
    return letters.length() > 20 ? letters.substring(0, 20) : letters;
  }

  /** EAN-13 with a UK (50) prefix and a correct check digit. */
  static String ean13(Random random) {
    StringBuilder digits = new StringBuilder("50");
    for (int i = 0; i < 10; i++) {
      digits.append(random.nextInt(10));
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      int digit = digits.charAt(i) - '0';
      sum += i % 2 == 0 ? digit : digit * 3;
    }
    return digits.append((10 - sum % 10) % 10).toString();
  }
}
