/**
 * js-spatial-navigation (npm), driven the way its README says: init(), one
 * section over every navigable element, makeFocusable(). It listens to
 * keydown on window itself and moves focus with element.focus(). One section
 * (not menu + grid) keeps every move geometric, like the other engines.
 */
import { bench } from './instrument.js';
import { buildFromQuery } from './layout.js';
import SpatialNavigation from 'js-spatial-navigation';

const dom = buildFromQuery();
SpatialNavigation.init();
SpatialNavigation.add({ selector: '.menu-item, .card-button' });
SpatialNavigation.makeFocusable();
bench.markReady(`js-spatial-navigation-${dom}`);
