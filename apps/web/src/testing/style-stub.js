// Stylesheets mean nothing in jsdom.
module.exports = {};
