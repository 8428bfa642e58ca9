// What the demo store sells and where: per fixture face, its shelves from the bottom up, each with
// a plate width and the product lines on it in display order. Flavours of one line sit side by
// side, as in a real store, which is exactly what makes weight-only recognition hard.
// Brands are invented. Weights: `net` is the contents in grams, `pack` the packaging.

export type Variant = string | [name: string, net: number];

export interface ProductLine {
  brand: string;
  /** Product noun after the variant, e.g. "Crisps"; empty when the variant names the product. */
  product: string;
  /** Pack size as printed, e.g. "100 g", "4 × 440 ml". */
  size: string;
  net: number;
  pack: number;
  /** Price in cents. */
  price: number;
  /** Unit footprint on the shelf: width along the shelf, depth into it (metres). */
  dims: [number, number];
  variants: Variant[];
  ageRestricted?: boolean;
  /** Units stacked on each other on the plate. */
  stack?: number;
  /** Fill variation of the contents as a fraction of net (default 1 %). */
  cv?: number;
}

export interface ShelfPlan {
  /** Width of every plate on this shelf (metres). */
  plate: number;
  category: string;
  lines: ProductLine[];
}

export interface FacePlans {
  front: ShelfPlan[];
  back?: ShelfPlan[];
}

const L = (
  brand: string,
  product: string,
  size: string,
  net: number,
  pack: number,
  price: number,
  dims: [number, number],
  variants: Variant[],
  extra: Partial<ProductLine> = {},
): ProductLine => ({ brand, product, size, net, pack, price, dims, variants, ...extra });

const S = (plate: number, category: string, ...lines: ProductLine[]): ShelfPlan => ({ plate, category, lines });

const age = { ageRestricted: true };
const HV_FLAVOURS = ['Sea Salt', 'Salt & Vinegar', 'Cheese & Onion', 'Sour Cream & Chive', 'Smoky Bacon', 'Sweet Chilli'];
const NUT_FLAVOURS = ['Salted', 'Dry Roasted', 'Honey Roasted', 'Chilli'];
const SWEETS = ['Fruit Gums', 'Sour Worms', 'Jelly Babies', 'Cola Bottles', 'Fizzy Mix'];

export const MERCHANDISE: Record<string, FacePlans> = {
  // ---- Gondolas, back row ------------------------------------------------------------------
  G01: {
    front: [
      S(0.4, 'Crisps & chips',
        L('Harvest Valley', 'Crisps', '150 g', 150, 5, 299, [0.2, 0.1], ['Sea Salt', 'Salt & Vinegar', 'Cheese & Onion']),
        L('Sierra Sol', 'Tortilla Chips', '200 g', 200, 6, 249, [0.2, 0.1], ['Lightly Salted', 'Chilli Heatwave'])),
      S(0.3, 'Crisps & chips', L('Harvest Valley', 'Crisps', '100 g', 100, 3.8, 199, [0.17, 0.08], HV_FLAVOURS)),
      S(0.3, 'Crisps & chips',
        L('Golden Acre', 'Kettle Chips', '150 g', 150, 5.5, 279, [0.2, 0.09], [
          'Sea Salt', 'Sea Salt & Cider Vinegar', 'Mature Cheddar & Red Onion', 'Sweet Chilli & Red Pepper', 'Black Pepper', 'Rosemary & Garlic',
        ])),
      S(0.2, 'Crisps & chips', L('Harvest Valley', 'Crisps', '32.5 g', 32.5, 2.2, 99, [0.12, 0.05], HV_FLAVOURS)),
    ],
    back: [
      S(0.45, 'Crisps & chips',
        L('Harvest Valley', 'Crisps Multipack', '6 × 25 g', 150, 16, 349, [0.3, 0.15], ['Classic Variety', 'Cheese & Onion', 'Salt & Vinegar']),
        L('Sierra Sol', 'Tortilla Chips', '300 g', 300, 7, 329, [0.25, 0.12], ['Sharing Lightly Salted'])),
      S(0.3, 'Crisps & chips',
        L('Crunchwell', 'Stacked Crisps', '165 g', 165, 32, 259, [0.08, 0.08], [
          'Original', 'Sour Cream & Onion', 'Paprika', 'Salt & Vinegar', 'Cheese & Chive', 'Hot & Spicy',
        ])),
      S(0.3, 'Crisps & chips',
        L('Sierra Sol', 'Tortilla Chips', '200 g', 200, 6, 249, [0.2, 0.1], ['Cool Original', 'Nacho Cheese', 'Sea Salt & Lime']),
        L('Sierra Sol', 'Salsa Dip', '300 g', 300, 185, 269, [0.09, 0.09], ['Mild', 'Hot', 'Cheese'])),
      S(0.3, 'Crisps & chips',
        L('Poppins', 'Popcorn', '80 g', 80, 4, 189, [0.17, 0.08], ['Sweet & Salty', 'Salted Caramel', 'Sea Salt', 'Toffee']),
        L('Twistly', 'Pretzels', '175 g', 175, 5, 179, [0.15, 0.08], ['Salted', 'Sour Cream & Onion'])),
    ],
  },
  G02: {
    front: [
      S(0.4, 'Nuts & seeds',
        L('Nutwood', 'Peanuts', '500 g', 500, 12, 349, [0.2, 0.12], ['Salted', 'Dry Roasted']),
        L('Nutwood', 'Mixed Nuts', '400 g', 400, 12, 549, [0.2, 0.12], ['Salted', 'Unsalted'])),
      S(0.3, 'Nuts & seeds',
        L('Nutwood', 'Peanuts', '200 g', 200, 6, 179, [0.14, 0.07], NUT_FLAVOURS),
        L('Nutwood', 'Cashews', '150 g', 150, 6, 299, [0.14, 0.07], ['Salted', 'Roasted'])),
      S(0.3, 'Nuts & seeds',
        L('Nutwood', 'Almonds', '150 g', 150, 6, 329, [0.14, 0.07], ['Whole', 'Smoked']),
        L('Nutwood', 'Pistachios', '150 g', 150, 7, 379, [0.14, 0.07], ['Salted', 'Chilli & Lime']),
        L('Trail Point', 'Trail Mix', '200 g', 200, 6, 299, [0.14, 0.07], ['Classic', 'Tropical'])),
      S(0.2, 'Nuts & seeds',
        L('Nutwood', 'Peanuts', '50 g', 50, 2, 89, [0.1, 0.04], NUT_FLAVOURS),
        L('Trail Point', 'Seed Mix', '40 g', 40, 2, 119, [0.1, 0.04], ['Pumpkin & Sunflower', 'Omega'])),
    ],
    back: [
      S(0.4, 'Crackers & rice cakes',
        L('Oakridge', 'Cream Crackers', '300 g', 300, 14, 159, [0.22, 0.07], ['Original', 'Wholemeal']),
        L('Oakridge', 'Oatcakes', '250 g', 250, 12, 189, [0.22, 0.08], ['Rough', 'Fine'])),
      S(0.3, 'Crackers & rice cakes',
        L('Lightbite', 'Rice Cakes', '130 g', 130, 6, 169, [0.1, 0.1], ['Lightly Salted', 'Sesame', 'Dark Chocolate', 'Yogurt']),
        L('Lightbite', 'Corn Thins', '150 g', 150, 6, 199, [0.12, 0.1], ['Original', 'Multigrain'])),
      S(0.3, 'Crackers & rice cakes',
        L('Oakridge', 'Crispbread', '250 g', 250, 12, 199, [0.2, 0.1], ['Rye', 'Sesame', 'Multigrain']),
        L('Oakridge', 'Breadsticks', '125 g', 125, 5, 149, [0.1, 0.25], ['Plain', 'Sesame', 'Rosemary'])),
      S(0.3, 'Crackers & rice cakes',
        L('Oakridge', 'Cheese Crackers', '150 g', 150, 8, 219, [0.14, 0.08], ['Cheddar', 'Parmesan & Chive', 'Smoked Paprika']),
        L('Twistly', 'Pretzel Thins', '150 g', 150, 5, 199, [0.14, 0.08], ['Sea Salt', 'Everything Seasoning'])),
    ],
  },
  G03: {
    front: [
      S(0.4, 'Biscuits',
        L('Brookfield', 'Digestive Biscuits', '400 g', 400, 15, 189, [0.08, 0.22], ['Original', 'Wholemeal', 'Milk Chocolate', 'Dark Chocolate'])),
      S(0.3, 'Biscuits',
        L('Brookfield', 'Cookies', '200 g', 200, 10, 229, [0.12, 0.12], ['Chocolate Chip', 'Double Chocolate', 'Oat & Raisin', 'White Chocolate & Macadamia']),
        L('Brookfield', 'Shortbread Fingers', '160 g', 160, 9, 249, [0.12, 0.1], ['Butter', 'Chocolate Chip'])),
      S(0.3, 'Biscuits',
        L('Brookfield', 'Cream Sandwich Biscuits', '154 g', 154, 5, 129, [0.06, 0.18], ['Vanilla', 'Chocolate', 'Strawberry', 'Lemon']),
        L('Brookfield', 'Ginger Nuts', '250 g', 250, 8, 139, [0.07, 0.2], ['Original']),
        L('Brookfield', 'Rich Tea', '300 g', 300, 9, 129, [0.07, 0.2], ['Original'])),
      S(0.2, 'Biscuits',
        L('Brookfield', 'Biscuit Bar', '38 g', 38, 2, 79, [0.04, 0.12], ['Caramel', 'Orange', 'Mint', 'Milk Chocolate']),
        L('Brookfield', 'Wafer', '45 g', 45, 2, 89, [0.04, 0.12], ['Hazelnut', 'Vanilla'])),
    ],
    back: [
      S(0.4, 'Cakes',
        L('Little Oven', 'Madeira Cake', '350 g', 350, 20, 249, [0.2, 0.1], ['Plain', 'Lemon', 'Cherry']),
        L('Little Oven', 'Fruit Loaf', '400 g', 400, 22, 279, [0.2, 0.1], ['Original'])),
      S(0.3, 'Cakes',
        L('Little Oven', 'Mini Rolls', '5 pack', 135, 8, 199, [0.2, 0.1], ['Chocolate', 'Raspberry', 'Caramel']),
        L('Little Oven', 'Brownies', '6 pack', 210, 14, 279, [0.2, 0.12], ['Chocolate', 'Salted Caramel'])),
      S(0.3, 'Cakes',
        L('Little Oven', 'Muffins', '4 pack', 280, 12, 299, [0.2, 0.12], ['Blueberry', 'Double Chocolate', 'Lemon']),
        L('Little Oven', 'Flapjacks', '4 pack', 240, 10, 249, [0.2, 0.1], ['Golden Syrup', 'Chocolate Chip'])),
      S(0.3, 'Cakes',
        L('Little Oven', 'Cake Bar', '35 g', 35, 2, 89, [0.05, 0.1], ['Chocolate', 'Lemon', 'Jaffa', 'Raspberry']),
        L('Little Oven', 'Cookie', '60 g', 60, 3, 119, [0.1, 0.1], ['Triple Chocolate', 'Oat & Raisin'])),
    ],
  },
  // ---- Gondolas, middle row ----------------------------------------------------------------
  G04: {
    front: [
      S(0.3, 'Chocolate',
        L('Cocoa Lane', 'Sharing Bag', '180 g', 180, 6, 329, [0.17, 0.07], ['Milk Buttons', 'Caramel Bites', 'Mint Crisp', 'Peanut Clusters']),
        L('Cocoa Lane', 'Selection Box', '250 g', 250, 45, 499, [0.25, 0.15], ['Classic'])),
      S(0.3, 'Chocolate',
        L('Cocoa Lane', 'Chocolate', '100 g', 100, 4, 199, [0.08, 0.16], ['Milk', 'Dark 70%', 'White', 'Hazelnut', 'Fruit & Nut', 'Orange'])),
      S(0.2, 'Chocolate',
        L('Cocoa Lane', 'Bar', '45 g', 45, 2, 109, [0.05, 0.14], ['Milk', 'Caramel', 'Nougat', 'Peanut', 'Crispy Wafer', 'Coconut'])),
      S(0.2, 'Snack bars',
        L('Kernel', 'Protein Bar', '60 g', 60, 3, 229, [0.05, 0.12], ['Chocolate Peanut', 'Cookie Dough', 'Salted Caramel']),
        L('Kernel', 'Cereal Bar', '35 g', 35, 2, 79, [0.04, 0.12], ['Oat & Honey', 'Cranberry', 'Choc Chip'])),
    ],
    back: [
      S(0.3, 'Sweets & gum', L('Fizzbang', 'Sweets', '200 g', 200, 5, 229, [0.15, 0.07], SWEETS)),
      S(0.3, 'Sweets & gum', L('Fizzbang', 'Sweets', '100 g', 100, 3, 119, [0.12, 0.05], [...SWEETS, 'Foam Bananas'])),
      S(0.2, 'Sweets & gum',
        L('Minto', 'Mints', '35 g', 35, 3, 99, [0.05, 0.08], ['Peppermint', 'Spearmint', 'Extra Strong', 'Sugar Free']),
        L('Minto', 'Chewing Gum', '14 pieces', 28, 4, 129, [0.05, 0.08], ['Peppermint', 'Spearmint'])),
      S(0.2, 'Sweets & gum',
        L('Fizzbang', 'Liquorice', '150 g', 150, 5, 159, [0.1, 0.05], ['Red', 'Black', 'Allsorts']),
        L('Minto', 'Pastilles', '40 g', 40, 2, 89, [0.04, 0.08], ['Blackcurrant', 'Fruit'])),
    ],
  },
  G05: {
    front: [
      S(0.4, 'Pasta & rice',
        L('Bella Terra', 'Pasta', '1 kg', 1000, 8, 249, [0.15, 0.08], ['Penne', 'Fusilli', 'Spaghetti']),
        L('Paddy Field', 'Rice', '1 kg', 1000, 10, 299, [0.15, 0.08], ['Long Grain', 'Basmati'])),
      S(0.3, 'Pasta & rice',
        L('Bella Terra', 'Pasta', '500 g', 500, 6, 139, [0.13, 0.07], ['Penne', 'Fusilli', 'Spaghetti', 'Farfalle', 'Linguine', 'Macaroni'])),
      S(0.3, 'Pasta & rice',
        L('Paddy Field', 'Microwave Rice', '250 g', 250, 14, 189, [0.13, 0.04], ['Basmati', 'Pilau', 'Egg Fried', 'Mexican']),
        L('Bella Terra', 'Gnocchi', '500 g', 500, 8, 229, [0.15, 0.08], ['Potato']),
        L('Bella Terra', 'Couscous', '500 g', 500, 20, 199, [0.12, 0.06], ['Plain'])),
      S(0.3, 'Sauces & condiments',
        L('Bella Terra', 'Pesto', '190 g', 190, 160, 299, [0.07, 0.07], ['Basil', 'Red Pepper']),
        L('Bella Terra', 'Olive Oil', '500 ml', 458, 330, 649, [0.07, 0.07], ['Extra Virgin', 'Light']),
        L('Bella Terra', 'Balsamic Vinegar', '250 ml', 265, 250, 349, [0.06, 0.06], ['Aged'])),
    ],
    back: [
      S(0.4, 'Sauces & condiments',
        L('Bella Terra', 'Pasta Sauce', '500 g', 500, 210, 229, [0.09, 0.09], ['Tomato & Basil', 'Arrabbiata', 'Bolognese', 'Mushroom'])),
      S(0.3, 'Sauces & condiments',
        L('Spice Route', 'Curry Sauce', '450 g', 450, 200, 249, [0.09, 0.09], ['Tikka Masala', 'Korma', 'Jalfrezi', 'Sweet & Sour']),
        L('Spice Route', 'Soy Sauce', '150 ml', 172, 150, 179, [0.06, 0.06], ['Light', 'Dark'])),
      S(0.3, 'Sauces & condiments',
        L('Redbank', 'Tomato Ketchup', '460 g', 460, 40, 229, [0.08, 0.06], ['Original', 'Reduced Sugar']),
        L('Redbank', 'Mayonnaise', '400 ml', 370, 40, 249, [0.08, 0.06], ['Real', 'Light']),
        L('Redbank', 'Mustard', '185 g', 185, 150, 169, [0.07, 0.07], ['English', 'Wholegrain'])),
      S(0.3, 'Sauces & condiments',
        L('Spice Route', '', '40 g', 40, 95, 149, [0.05, 0.05], ['Chilli Powder', 'Paprika', 'Ground Cumin', 'Curry Powder', 'Garlic Granules', 'Black Pepper'])),
    ],
  },
  G06: {
    front: [
      S(0.4, 'Tins & jars',
        L('Greenmeadow', 'Baked Beans', '415 g', 415, 55, 99, [0.075, 0.075], ['Original', 'Reduced Sugar']),
        L('Greenmeadow', 'Chopped Tomatoes', '400 g', 400, 55, 79, [0.075, 0.075], ['Plain', 'with Garlic']),
        L('Greenmeadow', 'Sweetcorn', '340 g', 340, 50, 99, [0.075, 0.075], ['Golden'])),
      S(0.3, 'Soups & noodles',
        L('Greenmeadow', 'Soup', '400 g', 400, 55, 149, [0.075, 0.075], ['Tomato', 'Chicken', 'Vegetable', 'Mushroom', 'Lentil', 'Minestrone'])),
      S(0.3, 'Tins & jars',
        L('Oceanic', 'Tuna Chunks', '145 g', 145, 35, 169, [0.09, 0.09], ['in Brine', 'in Spring Water', 'in Sunflower Oil']),
        L('Oceanic', 'Sardines', '120 g', 120, 30, 129, [0.11, 0.07], ['in Tomato Sauce', 'in Olive Oil']),
        L('Oceanic', 'Pink Salmon', '213 g', 213, 45, 299, [0.085, 0.085], ['Wild'])),
      S(0.3, 'Tins & jars',
        L('Greenmeadow', '', '400 g', 400, 55, 89, [0.075, 0.075], ['Chickpeas', 'Kidney Beans', 'Butter Beans', 'Mixed Beans']),
        L('Greenmeadow', 'Coconut Milk', '400 ml', 400, 55, 149, [0.075, 0.075], ['Full Fat', ['Light', 395]])),
    ],
    back: [
      S(0.4, 'Soups & noodles',
        L('Wokit', 'Instant Noodles', '5 pack', 425, 15, 299, [0.2, 0.12], ['Chicken', 'Beef', 'Curry']),
        L('Wokit', 'Ramen', '5 pack', 500, 18, 349, [0.2, 0.12], ['Spicy Miso'])),
      S(0.3, 'Soups & noodles',
        L('Wokit', 'Noodle Pot', '90 g', 90, 14, 129, [0.1, 0.1], ['Chicken & Mushroom', 'Beef & Tomato', 'Chow Mein', 'Sweet & Sour', 'Spicy Curry', 'Teriyaki'])),
      S(0.3, 'Soups & noodles',
        L('Wokit', 'Instant Noodles', '85 g', 85, 4, 69, [0.12, 0.1], ['Chicken', 'Beef', 'Curry', 'Shrimp', 'Vegetable']),
        L('Greenmeadow', 'Cup Soup', '4 sachets', 100, 10, 129, [0.1, 0.04], ['Tomato'])),
      S(0.3, 'Tins & jars',
        L('Greenmeadow', 'Stock Cubes', '8 pack', 80, 8, 129, [0.08, 0.05], ['Chicken', 'Beef', 'Vegetable']),
        L('Greenmeadow', 'Gravy Granules', '170 g', 170, 30, 179, [0.08, 0.08], ['Chicken', 'Beef'])),
    ],
  },
  // ---- Gondolas, front row -----------------------------------------------------------------
  G07: {
    front: [
      S(0.45, 'Cereal',
        L('Sunrise Mill', 'Cornflakes', '500 g', 500, 55, 249, [0.2, 0.08], ['Original']),
        L('Sunrise Mill', 'Bran Flakes', '500 g', 500, 55, 249, [0.2, 0.08], ['Original']),
        L('Sunrise Mill', 'Granola', '500 g', 500, 25, 349, [0.17, 0.08], ['Honey & Almond', 'Berry'])),
      S(0.3, 'Cereal',
        L('Sunrise Mill', 'Cereal', '375 g', 375, 50, 299, [0.19, 0.07], ['Choco Hoops', 'Honey Puffs', 'Frosted Flakes', 'Fruit & Fibre', 'Rice Pops'])),
      S(0.3, 'Cereal',
        L('Sunrise Mill', 'Porridge Oats', '1 kg', 1000, 12, 219, [0.15, 0.1], ['Original', 'Jumbo']),
        L('Sunrise Mill', 'Porridge Pot', '60 g', 60, 12, 129, [0.08, 0.08], ['Golden Syrup', 'Apple & Cinnamon', 'Original'])),
      S(0.3, 'Cereal',
        L('Sunrise Mill', 'Oat Sachets', '10 × 36 g', 360, 25, 279, [0.15, 0.07], ['Original', 'Golden Syrup', 'Apple']),
        L('Sunrise Mill', 'Muesli', '750 g', 750, 40, 329, [0.19, 0.07], ['Swiss Style', 'Fruit & Nut'])),
    ],
    back: [
      S(0.4, 'Spreads & jams',
        L('Hive & Honey', 'Honey', '340 g', 340, 190, 349, [0.08, 0.08], ['Clear', 'Set']),
        L('Bramble Farm', 'Jam', '340 g', 340, 190, 229, [0.08, 0.08], ['Strawberry', 'Raspberry', 'Apricot'])),
      S(0.3, 'Spreads & jams',
        L('Nutty Spread', 'Peanut Butter', '340 g', 340, 180, 279, [0.08, 0.08], ['Smooth', 'Crunchy']),
        L('Cocoa Lane', 'Hazelnut Spread', '400 g', 400, 190, 349, [0.08, 0.08], ['Original', 'Dark']),
        L('Bramble Farm', 'Marmalade', '340 g', 340, 190, 229, [0.08, 0.08], ['Thick Cut', 'Fine Cut'])),
      S(0.3, 'Tea & coffee',
        L('Morning Peak', 'Instant Coffee', '100 g', 100, 210, 549, [0.09, 0.09], ['Original', 'Decaf', 'Gold']),
        L('Morning Peak', 'Ground Coffee', '227 g', 227, 10, 499, [0.1, 0.07], ['Medium Roast', 'Dark Roast'])),
      S(0.3, 'Tea & coffee',
        L('Leafwell', 'Tea Bags', '80 pack', 250, 45, 329, [0.13, 0.08], ['Breakfast', ['Green', 120], ['Peppermint', 130], ['Chamomile', 100], 'Earl Grey']),
        L('Morning Peak', 'Hot Chocolate', '400 g', 400, 60, 399, [0.11, 0.11], ['Original'])),
    ],
  },
  G08: {
    front: [
      S(0.3, 'Health & beauty',
        L('Clearwave', 'Shampoo', '400 ml', 412, 45, 349, [0.08, 0.05], ['Everyday', 'Anti-Dandruff', 'Volume']),
        L('Clearwave', 'Conditioner', '400 ml', 408, 45, 349, [0.08, 0.05], ['Everyday', 'Volume'])),
      S(0.3, 'Health & beauty',
        L('Pureleaf', 'Shower Gel', '250 ml', 255, 30, 199, [0.07, 0.05], ['Ocean', 'Citrus', 'Sensitive']),
        L('Pureleaf', 'Hand Soap', '250 ml', 255, 45, 179, [0.07, 0.07], ['Aloe', 'Lemon'])),
      S(0.2, 'Health & beauty',
        L('Brightsmile', 'Toothpaste', '75 ml', 97, 20, 249, [0.05, 0.2], ['Fresh Mint', 'Whitening', 'Sensitive']),
        L('Brightsmile', 'Toothbrush', '1 pack', 18, 12, 299, [0.04, 0.22], ['Medium', 'Soft']),
        L('Brightsmile', 'Mouthwash', '500 ml', 505, 40, 399, [0.08, 0.06], ['Cool Mint'])),
      S(0.2, 'Health & beauty',
        L('Freshday', 'Deodorant', '150 ml', 95, 60, 299, [0.05, 0.05], ['Original', 'Sport', 'Sensitive']),
        L('Freshday', 'Roll-On', '50 ml', 52, 30, 249, [0.05, 0.05], ['Original', 'Sensitive'])),
    ],
    back: [
      S(0.3, 'Health & beauty',
        L('Carewell', 'Baby Wipes', '64 pack', 380, 20, 199, [0.2, 0.1], ['Sensitive', 'Fragrance Free']),
        L('Carewell', 'Hand Sanitiser', '250 ml', 215, 30, 299, [0.07, 0.05], ['Original', 'Aloe'])),
      S(0.2, 'Pharmacy',
        L('Carewell', 'Paracetamol 500 mg', '16 tablets', 10, 9, 129, [0.04, 0.1], ['Tablets', ['Caplets', 11]]),
        L('Carewell', 'Ibuprofen 200 mg', '16 tablets', 6, 9, 199, [0.04, 0.1], ['Tablets', ['Liquid Capsules', 9]]),
        L('Carewell', 'Throat Lozenges', '36 pack', 100, 10, 349, [0.06, 0.1], ['Honey & Lemon', 'Cherry'])),
      S(0.2, 'Nicotine pouches',
        L('Nordic Frost', 'Nicotine Pouches', '20 pouches', 16, 14, 699, [0.07, 0.07], ['Mint 6 mg', 'Mint 11 mg', 'Berry 6 mg', 'Citrus 11 mg', 'Cool 16 mg'], { ...age, cv: 0.02 })),
      S(0.2, 'Health & beauty',
        L('Sunshield', 'Sun Cream', '200 ml', 205, 30, 799, [0.07, 0.05], ['SPF 30', 'SPF 50']),
        L('Carewell', 'Pocket Tissues', '10 pack', 95, 8, 149, [0.1, 0.06], ['Regular']),
        L('Carewell', 'Cotton Buds', '200 pack', 60, 20, 129, [0.08, 0.06], ['Paper Stem']),
        L('Carewell', 'Plasters', '20 pack', 15, 12, 249, [0.08, 0.04], ['Fabric'])),
    ],
  },
  G09: {
    front: [
      S(0.45, 'Household',
        L('Ultrabright', 'Dishwasher Tablets', '30 pack', 540, 40, 699, [0.2, 0.1], ['Original', 'Lemon']),
        L('Ultrabright', 'Laundry Pods', '20 pack', 460, 60, 649, [0.2, 0.1], ['Bio', 'Non-Bio'])),
      S(0.3, 'Household',
        L('Ultrabright', 'Washing-Up Liquid', '450 ml', 468, 30, 169, [0.08, 0.05], ['Original', 'Lemon', 'Sensitive']),
        L('Ultrabright', 'Sponge Scourers', '4 pack', 40, 8, 149, [0.1, 0.07], ['Non-Scratch']),
        L('Ultrabright', 'Kitchen Foil', '10 m', 150, 60, 199, [0.3, 0.05], ['Standard'])),
      S(0.3, 'Household',
        L('Powercell', 'Batteries', '4 pack', 92, 15, 499, [0.08, 0.03], ['AA', ['AAA', 46]]),
        L('Powercell', 'LED Bulb', '1 pack', 45, 25, 449, [0.07, 0.07], ['E27 Warm White', 'B22 Warm White']),
        L('Lumo', 'Tealights', '30 pack', 360, 15, 299, [0.12, 0.12], ['Unscented']),
        L('Lumo', 'Matches', '10 boxes', 80, 70, 149, [0.1, 0.06], ['Safety'])),
      S(0.3, 'Household',
        L('Ultrabright', 'Bin Bags', '20 pack', 200, 5, 249, [0.12, 0.08], ['30 L', ['60 L', 360]]),
        L('Ultrabright', 'Cling Film', '30 m', 120, 60, 179, [0.3, 0.05], ['Standard']),
        L('Ultrabright', 'Freezer Bags', '50 pack', 90, 8, 159, [0.12, 0.03], ['Medium'])),
    ],
    back: [
      S(0.45, 'Pet',
        L('Happy Paws', 'Dry Dog Food', '2 kg', 2000, 40, 899, [0.3, 0.12], ['Chicken', 'Beef']),
        L('Whisker', 'Dry Cat Food', '800 g', 800, 25, 499, [0.2, 0.08], ['Salmon', 'Chicken'])),
      S(0.3, 'Pet',
        L('Whisker', 'Cat Food Pouch', '85 g', 85, 5, 79, [0.09, 0.03], ['Chicken in Gravy', 'Salmon in Jelly', 'Beef in Gravy', 'Tuna in Jelly']),
        L('Whisker', 'Cat Food Pouches', '12 × 85 g', 1020, 60, 699, [0.25, 0.15], ['Meaty Selection', 'Fish Selection'])),
      S(0.3, 'Pet',
        L('Happy Paws', 'Dog Treats', '150 g', 150, 8, 249, [0.12, 0.05], ['Chicken Bites', 'Dental Sticks', 'Biscuits']),
        L('Whisker', 'Cat Treats', '60 g', 60, 6, 179, [0.1, 0.04], ['Salmon', 'Chicken'])),
      S(0.3, 'Pet', L('Happy Paws', 'Dog Food', '400 g', 400, 60, 129, [0.075, 0.075], ['Chicken', 'Beef', 'Lamb'])),
    ],
  },
  // ---- Coolers along the back wall ----------------------------------------------------------
  F01: {
    front: [
      S(0.25, 'Water & soft drinks',
        L('Glenmore', 'Spring Water', '1.5 L', 1500, 35, 129, [0.09, 0.09], ['Still', 'Sparkling']),
        L('Fizzco', '', '2 L', 2080, 45, 249, [0.105, 0.105], ['Cola', ['Zero Sugar Cola', 2000]])),
      S(0.25, 'Water & soft drinks',
        L('Glenmore', 'Spring Water', '500 ml', 500, 20, 99, [0.065, 0.065], ['Still', 'Sparkling', 'Lemon & Lime']),
        L('Fizzco', '', '500 ml', 520, 24, 169, [0.065, 0.065], ['Cola', ['Zero Sugar Cola', 500], 'Lemonade', 'Orange'])),
      S(0.25, 'Water & soft drinks',
        L('Fizzco', '', '330 ml', 343, 13, 119, [0.067, 0.067], ['Cola', ['Zero Sugar Cola', 331], 'Lemonade', 'Orange', 'Cherry Cola', 'Ginger Ale'])),
      S(0.25, 'Water & soft drinks',
        L('Brisk', 'Iced Tea', '500 ml', 520, 22, 179, [0.065, 0.065], ['Peach', 'Lemon', 'Green Tea']),
        L('Sparkle', 'Flavoured Water', '500 ml', 505, 20, 129, [0.065, 0.065], ['Strawberry', 'Lemon', 'Cucumber & Mint'])),
      S(0.25, 'Water & soft drinks',
        L('Kick', 'Sports Drink', '500 ml', 520, 25, 169, [0.07, 0.07], ['Orange', 'Blue Raspberry', 'Lemon Lime']),
        L('Coco Tropic', 'Coconut Water', '330 ml', 335, 20, 199, [0.06, 0.04], ['Natural'])),
    ],
  },
  F02: {
    front: [
      S(0.25, 'Juice & smoothies',
        L('Orchard Gold', 'Juice', '1 L', 1045, 30, 249, [0.07, 0.1], ['Orange Smooth', 'Orange with Bits', 'Apple', 'Cranberry'])),
      S(0.25, 'Juice & smoothies',
        L('Orchard Gold', 'Juice', '330 ml', 345, 20, 149, [0.06, 0.06], ['Orange', 'Apple', 'Tropical']),
        L('Green Shot', 'Smoothie', '250 ml', 265, 22, 229, [0.06, 0.06], ['Mango & Passion Fruit', 'Berry', 'Green Kale'])),
      S(0.25, 'Energy drinks',
        L('Volt', 'Energy Drink', '500 ml', 520, 17, 169, [0.067, 0.067], ['Original', ['Sugar Free', 502], 'Tropical', 'Berry']),
        L('Volt', 'Energy Shot', '60 ml', 62, 12, 199, [0.04, 0.04], ['Original', 'Berry'])),
      S(0.25, 'Iced coffee & shakes',
        L('Barista Bros', 'Iced Coffee', '250 ml', 260, 18, 199, [0.07, 0.07], ['Latte', 'Caramel', 'Mocha', 'Espresso']),
        L('Musclemoo', 'Protein Shake', '330 ml', 345, 22, 249, [0.07, 0.07], ['Chocolate', 'Strawberry'])),
      S(0.25, 'Juice & smoothies', L('Kombu', 'Kombucha', '330 ml', 335, 190, 299, [0.065, 0.065], ['Ginger', 'Raspberry', 'Original'])),
    ],
  },
  F03: {
    front: [
      S(0.25, 'Dairy',
        L('Meadowbrook', 'Milk', '2 L', 2060, 45, 199, [0.12, 0.12], ['Whole', 'Semi-Skimmed', 'Skimmed']),
        L('Oat Grove', 'Oat Drink', '1 L', 1020, 30, 229, [0.07, 0.1], ['Original', 'Barista'])),
      S(0.25, 'Dairy',
        L('Meadowbrook', 'Milk', '1 L', 1030, 35, 139, [0.08, 0.08], ['Whole', 'Semi-Skimmed', 'Skimmed', 'Lactose Free']),
        L('Meadowbrook', 'Milk', '500 ml', 515, 22, 89, [0.065, 0.065], ['Semi-Skimmed', 'Chocolate'])),
      S(0.25, 'Dairy',
        L('Meadowbrook', 'Yogurt', '500 g', 500, 20, 199, [0.11, 0.11], ['Natural', 'Greek Style', 'Vanilla']),
        L('Meadowbrook', 'Yogurt', '4 × 125 g', 500, 25, 229, [0.13, 0.13], ['Strawberry', 'Peach', 'Mixed Berry'])),
      S(0.25, 'Dairy',
        L('Meadowbrook', 'Butter', '227 g', 227, 5, 329, [0.12, 0.07], ['Salted', 'Unsalted', 'Spreadable']),
        L('Meadowbrook', 'Cheddar', '200 g', 200, 8, 349, [0.12, 0.07], ['Mild', 'Mature', 'Extra Mature'])),
      S(0.25, 'Dairy',
        L('Meadowbrook', 'Yogurt', '150 g', 150, 7, 89, [0.07, 0.07], ['Strawberry', 'Raspberry', 'Vanilla', 'Blueberry', 'Peach', 'Cherry'])),
    ],
  },
  F04: {
    front: [
      S(0.25, 'Beer & cider',
        L('Hopstone', '', '4 × 440 ml', 1778, 70, 799, [0.14, 0.14], ['Lager', 'IPA'], age),
        L('Orchard Hill', 'Cider', '4 × 500 ml', 2060, 78, 899, [0.14, 0.14], ['Apple', 'Pear'], age)),
      S(0.25, 'Beer & cider',
        L('Hopstone', '', '330 ml', 333, 200, 249, [0.065, 0.065], ['Lager', 'Pale Ale', 'IPA', 'Stout', 'Wheat Beer'], age),
        L('Hopstone', 'Alcohol-Free Lager', '330 ml', 335, 200, 199, [0.065, 0.065], ['0.0%'])),
      S(0.25, 'Beer & cider',
        L('Hopstone', 'Can', '500 ml', 505, 17, 279, [0.067, 0.067], ['Lager', 'IPA', 'Stout'], age),
        L('Orchard Hill', 'Cider', '500 ml', 515, 17, 299, [0.067, 0.067], ['Apple', 'Pear', 'Berry'], age)),
      S(0.25, 'Wine',
        L('Vale Estate', '', '750 ml', 742, 470, 999, [0.08, 0.08], ['Sauvignon Blanc', 'Pinot Grigio', 'Chardonnay', 'Rosé'], age),
        L('Fizz & Co', 'Prosecco', '750 ml', 745, 850, 1299, [0.09, 0.09], ['Brut'], age)),
      S(0.25, 'Wine',
        L('Vale Estate', '', '187 ml', 186, 170, 399, [0.06, 0.06], ['Sauvignon Blanc', 'Merlot', 'Rosé'], age),
        L('Cloud Nine', 'Hard Seltzer', '330 ml', 332, 13, 299, [0.06, 0.06], ['Lime', 'Raspberry', 'Mango'], age)),
    ],
  },
  // ---- Wall shelves ----------------------------------------------------------------------------
  W01: {
    front: [
      S(0.6, 'Cleaning & paper',
        L('Softleaf', 'Toilet Tissue', '9 rolls', 850, 30, 599, [0.35, 0.3], ['Original', 'Quilted'], { stack: 2 }),
        L('Softleaf', 'Kitchen Towel', '2 rolls', 240, 10, 299, [0.25, 0.13], ['Original'], { stack: 2 }),
        L('Ultrabright', 'Laundry Liquid', '1.5 L', 1530, 90, 899, [0.15, 0.1], ['Bio', 'Non-Bio'])),
      S(0.5, 'Cleaning & paper',
        L('Ultrabright', 'All-Purpose Cleaner', '750 ml', 765, 70, 249, [0.1, 0.07], ['Lemon', 'Ocean', 'Unscented']),
        L('Ultrabright', 'Bleach', '750 ml', 810, 55, 149, [0.1, 0.07], ['Original', 'Thick'])),
      S(0.4, 'Cleaning & paper',
        L('Ultrabright', 'Toilet Cleaner', '750 ml', 790, 65, 199, [0.1, 0.07], ['Pine', 'Citrus']),
        L('Ultrabright', 'Glass Cleaner', '500 ml', 505, 60, 229, [0.09, 0.06], ['Original']),
        L('Ultrabright', 'Disinfectant Wipes', '80 pack', 420, 25, 299, [0.2, 0.12], ['Lemon', 'Fresh'])),
      S(0.4, 'Cleaning & paper',
        L('Softleaf', 'Facial Tissues', '80 sheets', 180, 50, 199, [0.25, 0.12], ['Regular', 'Balsam']),
        L('Softleaf', 'Napkins', '50 pack', 150, 10, 149, [0.17, 0.17], ['White']),
        L('Ultrabright', 'Rubber Gloves', '1 pair', 60, 10, 199, [0.12, 0.04], ['Medium', ['Large', 68]])),
      S(0.3, 'Cleaning & paper',
        L('Ultrabright', 'Scourers', '3 pack', 45, 8, 129, [0.1, 0.04], ['Steel']),
        L('Ultrabright', 'Fabric Conditioner', '1 L', 1010, 60, 399, [0.1, 0.07], ['Lavender', 'Fresh Linen']),
        L('Lumo', 'Air Freshener', '300 ml', 200, 90, 349, [0.06, 0.06], ['Lavender', 'Citrus'])),
    ],
  },
  W02: {
    front: [
      S(0.5, 'Bakery',
        L('Golden Crust', 'Sliced Pan', '800 g', 800, 15, 229, [0.13, 0.3], ['White', 'Wholemeal', 'Half & Half', 'Seeded'])),
      S(0.4, 'Bakery',
        L('Golden Crust', 'Sliced Pan', '400 g', 400, 12, 169, [0.11, 0.22], ['White', 'Brown', 'Sourdough']),
        L('Golden Crust', 'Bagels', '5 pack', 425, 12, 249, [0.2, 0.1], ['Plain', 'Cinnamon & Raisin', 'Multiseed'])),
      S(0.4, 'Bakery',
        L('Golden Crust', 'Wraps', '8 pack', 496, 15, 229, [0.27, 0.2], ['Plain', 'Wholemeal', 'Garlic'], { stack: 3 }),
        L('Golden Crust', 'Pitta', '6 pack', 360, 10, 139, [0.2, 0.12], ['White', 'Wholemeal'], { stack: 3 })),
      S(0.4, 'Bakery',
        L('Golden Crust', 'Croissants', '4 pack', 200, 15, 249, [0.25, 0.12], ['Butter']),
        L('Golden Crust', 'Brioche Rolls', '6 pack', 270, 15, 269, [0.25, 0.12], ['Plain', 'Chocolate Chip']),
        L('Golden Crust', 'Crumpets', '6 pack', 330, 10, 149, [0.1, 0.2], ['Original'])),
      S(0.3, 'Bakery',
        L('Golden Crust', 'Scones', '4 pack', 280, 15, 229, [0.2, 0.1], ['Plain', 'Fruit']),
        L('Golden Crust', 'English Muffins', '4 pack', 260, 10, 179, [0.1, 0.2], ['Original']),
        L('Golden Crust', 'Brown Soda Bread', '450 g', 450, 8, 219, [0.14, 0.14], ['Traditional'])),
    ],
  },
  // ---- Grab & go counter -------------------------------------------------------------------------
  C01: {
    front: [
      S(0.4, 'Food to go',
        L('Daily Deli', 'Sandwich', '1 pack', 200, 25, 399, [0.09, 0.16], [
          ['Chicken Caesar', 205], ['Ham & Cheese', 190], ['Egg Mayo', 215], ['BLT', 185], ['Tuna Sweetcorn', 210],
        ])),
      S(0.25, 'Food to go',
        L('Daily Deli', 'Wrap', '1 pack', 220, 15, 449, [0.07, 0.2], ['Chicken Tikka', 'Falafel & Hummus', 'Sweet Chilli Chicken']),
        L('Daily Deli', 'Salad Bowl', '1 pack', 280, 35, 499, [0.15, 0.15], ['Chicken Pasta', 'Greek', 'Quinoa'])),
      S(0.25, 'Food to go',
        L('Daily Deli', 'Fruit Pot', '200 g', 200, 20, 299, [0.1, 0.1], ['Pineapple', 'Melon Medley', 'Mixed Berries']),
        L('Daily Deli', 'Yogurt & Granola Pot', '150 g', 150, 15, 279, [0.09, 0.09], ['Berry', 'Mango']),
        L('Daily Deli', 'Boiled Eggs', '2 pack', 110, 15, 199, [0.09, 0.09], ['Free Range'])),
    ],
  },
};
