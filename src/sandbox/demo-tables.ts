/**
 * Word lists the seeded demo data is drawn from: US addresses (real city, state and ZIP
 * combinations; invented streets and people), channels, warehouses and products.
 */
import type { SandboxChannel, SandboxSender } from './model';

/** The demo account's channel table; `201` is the channel of the vendor document. */
export const DEMO_CHANNELS: ReadonlyArray<SandboxChannel> = [
  { id: '201', name: 'UPS-Ground', carrier: 'UPS' },
  { id: '202', name: 'UPS-2nd-Day-Air', carrier: 'UPS' },
  { id: '203', name: 'FedEx-Ground', carrier: 'FedEx' },
  { id: '204', name: 'FedEx-Home-Delivery', carrier: 'FedEx' },
  { id: '205', name: 'USPS-Priority', carrier: 'USPS' },
  { id: '206', name: 'USPS-Ground-Advantage', carrier: 'USPS' },
];

/** Warehouses of the demo account: the document's four, plus the two its example shows. */
export const DEMO_WAREHOUSES: ReadonlyArray<{ id: string; name: string; city: string }> = [
  { id: '302', name: '美国 JFK 机场仓库', city: 'Jamaica, NY' },
  { id: '381', name: 'California LAX - 加州机场仓库', city: 'Inglewood, CA' },
  { id: '382', name: 'ShenZheng - 深圳机场仓库', city: 'Shenzhen, CN' },
  { id: '501', name: 'California - 加州码头仓库', city: 'Compton, CA' },
  { id: '601', name: 'flychen', city: 'Ontario, CA' },
  { id: '702', name: 'Delaware - 美国东岸仓库', city: 'New Castle, DE' },
];

/** City, state and a ZIP code that belongs to them. */
export const US_CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['NEW YORK', 'NY', '10001'],
  ['HOLTSVILLE', 'NY', '00501'],
  ['BROOKLYN', 'NY', '11201'],
  ['LOS ANGELES', 'CA', '90012'],
  ['INGLEWOOD', 'CA', '90301'],
  ['SAN JOSE', 'CA', '95112'],
  ['SAN DIEGO', 'CA', '92101'],
  ['SACRAMENTO', 'CA', '95814'],
  ['CHICAGO', 'IL', '60601'],
  ['HOUSTON', 'TX', '77002'],
  ['DALLAS', 'TX', '75201'],
  ['AUSTIN', 'TX', '78701'],
  ['PHOENIX', 'AZ', '85004'],
  ['PHILADELPHIA', 'PA', '19103'],
  ['PITTSBURGH', 'PA', '15222'],
  ['SEATTLE', 'WA', '98101'],
  ['PORTLAND', 'OR', '97205'],
  ['DENVER', 'CO', '80202'],
  ['ATLANTA', 'GA', '30303'],
  ['MIAMI', 'FL', '33130'],
  ['ORLANDO', 'FL', '32801'],
  ['TAMPA', 'FL', '33602'],
  ['BOSTON', 'MA', '02108'],
  ['NEWARK', 'NJ', '07102'],
  ['JERSEY CITY', 'NJ', '07302'],
  ['COLUMBUS', 'OH', '43215'],
  ['CLEVELAND', 'OH', '44113'],
  ['DETROIT', 'MI', '48226'],
  ['MINNEAPOLIS', 'MN', '55401'],
  ['SAINT LOUIS', 'MO', '63101'],
  ['KANSAS CITY', 'MO', '64106'],
  ['NASHVILLE', 'TN', '37203'],
  ['CHARLOTTE', 'NC', '28202'],
  ['RALEIGH', 'NC', '27601'],
  ['LAS VEGAS', 'NV', '89101'],
  ['SALT LAKE CITY', 'UT', '84101'],
  ['ALBUQUERQUE', 'NM', '87102'],
  ['OMAHA', 'NE', '68102'],
  ['MILWAUKEE', 'WI', '53202'],
  ['BALTIMORE', 'MD', '21202'],
  ['WILMINGTON', 'DE', '19801'],
  ['ANCHORAGE', 'AK', '99501'],
  ['HONOLULU', 'HI', '96813'],
];

export const STREETS: readonly string[] = [
  'Maple Ave',
  'Oak St',
  'Washington Blvd',
  'Lincoln Ave',
  'Park Pl',
  'Cedar Ln',
  'Elm St',
  'Sunset Dr',
  'Lakeview Rd',
  'Hillcrest Ave',
  'Broadway',
  'Main St',
  'Church St',
  'River Rd',
  'Highland Ave',
  'Madison Ave',
  'Jefferson St',
  'Franklin Ave',
  'Pine Ridge Ct',
  'Willow Way',
  'Chestnut St',
  'Spring Garden St',
  'Grand Ave',
  'Market St',
  'Harbor Blvd',
];

export const FIRST_NAMES: readonly string[] = [
  'James',
  'Maria',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Patricia',
  'Daniel',
  'Elizabeth',
  'Jose',
  'Susan',
  'Kevin',
  'Jessica',
  'Brian',
  'Sarah',
  'Anthony',
  'Karen',
  'Wei',
  'Mei',
  'Hiroshi',
  'Priya',
  'Ahmed',
  'Fatima',
  'Denis',
  'Chloé',
  'Zoë',
  'Andrés',
  'Tyrone',
  'Keisha',
];

export const LAST_NAMES: readonly string[] = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Nguyen',
  'Chen',
  'Wang',
  'Kim',
  'Patel',
  'Ouellet',
  "O'Brien",
  'Müller',
  'Jackson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
];

export const COMPANIES: readonly string[] = [
  'Bluewater Outfitters LLC',
  'Northgate Supply Co',
  'Sunrise Home Goods',
  'Peak Performance Gear',
  'Harborview Dental',
  'Maple & Pine Studio',
  'Redwood Logistics Inc',
  'Golden Gate Gadgets',
  'Lakeside Pet Care',
  'Prairie Craft Works',
];

/** Who ships: the customer's Shenzhen office for transfer orders, a US warehouse otherwise. */
export const SENDERS: Readonly<Record<'1' | '2', SandboxSender>> = {
  '1': {
    name: 'OOPSTON Fulfilment',
    address: '2101 E Carson St, Carson CA 90810',
    phone: '3105550147',
    email: 'warehouse@oopston.com',
    company: 'OOPSTON',
  },
  '2': {
    name: 'fly',
    address: "Building 3, Hangcheng Ave, Bao'an District, Shenzhen",
    phone: '075523456789',
    email: 'fly@oopston.com',
    company: 'OOPSTON',
  },
};

/** English and Chinese customs names with an HS code. */
export const PRODUCTS: ReadonlyArray<readonly [string, string, string]> = [
  ['Phone case', '手机壳', '392690'],
  ['Bluetooth earbuds', '蓝牙耳机', '851830'],
  ['USB-C cable', '数据线', '854442'],
  ['LED desk lamp', 'LED台灯', '940520'],
  ['Yoga mat', '瑜伽垫', '950691'],
  ['Water bottle', '水杯', '392490'],
  ['Kitchen scale', '厨房秤', '842381'],
  ['Phone holder', '手机支架', '830249'],
  ['Power bank', '充电宝', '850760'],
  ['Cotton socks', '棉袜', '611595'],
  ['T-shirt', 'T恤', '610910'],
  ['Backpack', '双肩包', '420292'],
  ['Hair clip', '发夹', '961511'],
  ['Pet brush', '宠物梳', '960329'],
  ['Screen protector', '钢化膜', '700719'],
  ['Mouse pad', '鼠标垫', '401699'],
  ['Wireless mouse', '无线鼠标', '847160'],
  ['Keychain', '钥匙扣', '731940'],
  ['Silicone spatula', '硅胶铲', '392410'],
  ['Car charger', '车载充电器', '850440'],
];

export const COLOURS: readonly string[] = ['BLK', 'WHT', 'RED', 'BLU', 'GRN', 'PNK', 'GRY'];

/** GetOrderMsg `Status` texts, as MegaWMS writes them. */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  1: '草稿',
  3: '待处理',
  4: '已付款待发货',
  6: '已发货',
  8: '已删除',
  11: '处理中',
  12: '缺货',
};

/** Full country names GetTrack uses in `Country`. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  US: 'United States',
  CA: 'Canada',
  MX: 'Mexico',
  GB: 'United Kingdom',
  CN: 'China',
};
