// PostCSS for the web app (Vite picks this file up): Mantine's mixins, rem() and light/dark helpers.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
